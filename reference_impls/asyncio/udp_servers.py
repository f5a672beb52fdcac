"""udp.time and udp.echo as asyncio DatagramProtocols: the event loop calls
datagram_received() with each datagram whole and its sender's address.

CPython 3.11's datagram transport silently drops an empty sendto() (found by
udp.echo/identical-datagram[empty]; later versions send it), so an empty reply goes out
through the endpoint's own socket, which this module creates and keeps.
"""

import asyncio
import contextlib
import socket
import time


class Answer(asyncio.DatagramProtocol):
    def __init__(self, answer, sock):
        self.answer, self.sock = answer, sock

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        reply = self.answer(data)
        if reply:
            self.transport.sendto(reply, addr)
        else:
            with contextlib.suppress(OSError):  # that client is gone
                self.sock.sendto(reply, addr)

    def error_received(self, exc):
        pass  # an ICMP error for an earlier reply: that client is gone, serve the others


async def _serve(host, port, answer):
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    transport, _ = await loop.create_datagram_endpoint(lambda: Answer(answer, sock), sock=sock)
    try:
        await asyncio.Event().wait()  # serve until stopped
    finally:
        transport.close()


def serve_time(host, port):
    asyncio.run(_serve(host, port, lambda data: time.ctime().encode("ascii")))


def serve_echo(host, port):
    asyncio.run(_serve(host, port, lambda data: data))
