r"""Bad udp.time: decodes each request as UTF-8 to log it, and dies on the first that is not.

Bug: the student logs every request (``print(f"{addr} asks: {data.decode()}")``) on a plain
recvfrom() loop with no try block.  A datagram that is not valid UTF-8 raises
UnicodeDecodeError, which ends serve() and so the server: datagrams are bytes, whatever the
client sends, and one bad datagram must not stop the loop.
Seed: 004 'Using UDP' (the time server), with 000 'Connections' text habits (decode()).
Must fail: survive-garbage (b'\xff\xfe\x00...') and survive-large-datagram (65,507 random
bytes, which are no UTF-8 either).  The suite's own requests are ASCII, and an empty
datagram decodes to '', so every other case passes.
"""

import socket
import time


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        data, addr = sock.recvfrom(65535)
        print(f"{addr[0]}:{addr[1]} asks: {data.decode()!r}", flush=True)
        sock.sendto(time.ctime().encode("ascii"), addr)
