"""tls.echo on asyncio: ``start_server(ssl=context)``.

asyncio runs each handshake as part of the connection's own task, with
``ssl_handshake_timeout``, so a client that never sends its ClientHello stalls nobody.
"""

import asyncio
import contextlib
import ssl

HANDSHAKE_TIMEOUT = 10.0


async def echo(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass  # this client's problem; the others go on
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            await writer.wait_closed()


async def main(host, port, context):
    server = await asyncio.start_server(
        echo,
        host,
        port,
        ssl=context,
        ssl_handshake_timeout=HANDSHAKE_TIMEOUT,
        reuse_address=True,
        backlog=128,
    )
    async with server:
        await server.serve_forever()


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    asyncio.run(main(host, port, context))
