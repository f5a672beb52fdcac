"""UDP servers on trio: serve_echo(host, port), serve_time(host, port).

trio has no datagram server class; its trio.socket module is the API: one UDP socket,
``await sock.recvfrom(65535)`` (the largest datagram, whole) and ``await sock.sendto(reply,
address)`` on the same socket, from trio's single-threaded run loop.
"""

import contextlib
import time
from functools import partial

import trio


async def _serve(reply, host, port):
    sock = trio.socket.socket(trio.socket.AF_INET, trio.socket.SOCK_DGRAM)
    await sock.bind((host, port))
    while True:
        data, address = await sock.recvfrom(65535)
        # A reply that cannot go out (e.g. ENOBUFS) loses that datagram only.
        with contextlib.suppress(OSError):
            await sock.sendto(reply(data), address)


def serve_echo(host, port):
    trio.run(partial(_serve, lambda data: data, host, port))


def serve_time(host, port):
    trio.run(partial(_serve, lambda data: time.ctime().encode("ascii"), host, port))
