"""Bad tcp.echo / loop.echo: asyncio line echo with StreamReader.readline()'s default limit.

Bug: ``reader.readline()`` buffers at most ``limit`` bytes of a line, 64 KiB by default; a
longer line raises ValueError ("Separator is not found, and chunk exceed the limit") in the
handler, whose connection is then dropped.  Every other case works: lines of ordinary
length, EOF (readline returns the partial last line), many clients in one event loop.
Seed: 004 "Event Driven I/O" with asyncio streams, ignoring 000 "Data Reassembly" (a
message may be longer than any buffer).
Must fail (both roles): long-line (all schedules).  Everything else passes.
"""

import asyncio


async def echo(reader, writer):
    try:
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()


async def main(host, port):
    server = await asyncio.start_server(echo, host, port, backlog=1024)
    async with server:
        await server.serve_forever()


def serve(host, port):
    asyncio.run(main(host, port))
