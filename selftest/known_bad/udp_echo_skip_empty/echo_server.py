"""Bad udp.echo: an empty datagram gets no echo.

Bug: "nothing to echo", so the student skips it: ``if not data: continue``, a leftover of the
TCP loop's ``if not data: break``.  On UDP an empty datagram is a datagram like any other (a
client may use it as a ping) and its echo is an empty datagram.
Seed: 000 'TCP Server' (``if not data: break``) reused for 004 'Using UDP'.
Must fail: udp.echo/identical-datagram[empty] only.  No other case sends an empty datagram.
"""

import socket


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        data, addr = sock.recvfrom(65535)
        if not data:
            continue  # nothing to echo
        sock.sendto(data, addr)
