"""Bad tls.echo: asyncio start_server(ssl=...) echoing with reader.readline().

Bug: StreamReader.readline() holds at most its limit (64 KiB by default) of a line: a
longer line raises ValueError ("Separator is not found, and chunk exceed the limit") in
the handler, and the connection is dropped with nothing echoed.
Seed: 004 "Using TCP" (the line-by-line echo of StreamRequestHandler) and "Working with
SSL", written with asyncio's streams.
Must fail: tls.echo/long-line; and tls.echo/eof-flush, as asyncio's SSL transport itself
does (it has no TLS half-close: once the client's close_notify is in, it shuts down and
discards what the handler writes after it).
"""

import asyncio
import contextlib
import ssl


async def echo(reader, writer):
    try:
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            await writer.wait_closed()


async def main(host, port, context):
    server = await asyncio.start_server(
        echo, host, port, ssl=context, ssl_handshake_timeout=10, backlog=128
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
