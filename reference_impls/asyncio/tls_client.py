"""tls.client on asyncio: ``open_connection(ssl=context, server_hostname=...)``.

One deadline covers the whole call, the handshake included (``asyncio.timeout``), so a server
that never answers the ClientHello cannot keep the client past ``timeout``.
"""

import asyncio
import ssl


async def fetch_async(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(
            host, port, ssl=context, server_hostname=server_hostname
        )
        try:
            writer.write(request)
            await writer.drain()
            return await reader.read()  # everything until EOF
        finally:
            writer.close()


def fetch(host, port, request, cafile, server_hostname, timeout):
    return asyncio.run(fetch_async(host, port, request, cafile, server_hostname, timeout))
