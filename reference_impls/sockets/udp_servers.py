"""udp.time and udp.echo on a raw datagram socket: one recvfrom(), one sendto() per datagram.

recvfrom() returns the datagram and the sender's address together (recv() would lose the
address); 65535 bytes take any datagram whole.  A datagram cannot fail to decode here: the
bytes are never treated as text.
"""

import contextlib
import socket
import time


def _serve(host, port, answer):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((host, port))
        while True:
            data, address = sock.recvfrom(65535)
            with contextlib.suppress(OSError):  # the sender is gone (ICMP unreachable)
                sock.sendto(answer(data), address)


def serve_time(host, port):
    _serve(host, port, lambda data: time.ctime().encode("ascii"))


def serve_echo(host, port):
    _serve(host, port, lambda data: data)
