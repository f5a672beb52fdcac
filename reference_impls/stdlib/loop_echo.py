"""loop.echo with asyncio: one thread, one event loop, flow control per connection.

The listening socket is made here, not by asyncio.start_server(host, port): resolving a
host name would start a thread pool, and this server promises a single thread.
"""

import asyncio
import socket


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def eof_received(self):
        self.transport.close()  # everything received was already written back
        return False

    # A client that sends but never reads: stop reading it until its backlog drains, so one
    # client cannot make the server buffer without bound.
    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()


async def main(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    server = await asyncio.get_running_loop().create_server(Echo, sock=sock)
    async with server:
        await server.serve_forever()


def serve(host, port):
    asyncio.run(main(host, port))
