"""Bad udp.echo: collects each client's datagrams until the line is quiet, then echoes them
as one datagram.

Bug: the student treats datagrams like TCP segments, pieces of a message that "may arrive
split", so the select() loop appends every datagram to its sender's buffer and sends the
buffer back in one sendto() once no datagram has come for 50 ms.  A lone datagram comes back
as it was; datagrams that arrive together come back joined, their boundaries lost.  (The
buffers are per address, so each client still gets only its own bytes.)
Seed: 000 'Partial Reads/Writes' (buffer until the message is whole) applied to 000
'Connections' (datagrams are separate and self-contained); 004 'Event Driven I/O' (select()).
Must fail: udp.echo/burst-boundaries (30 datagrams sent at once come back as one) and
udp.echo/uncrossed (each client's 3 datagrams, sent within a millisecond, come back as one).
identical-datagram sends one datagram and waits: it comes back whole.
"""

import select
import socket

QUIET = 0.05  # seconds without a datagram: the client's message is complete


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    pending = {}  # address -> the bytes received from it so far
    while True:
        readable, _, _ = select.select([sock], [], [], QUIET)
        if readable:
            data, addr = sock.recvfrom(65535)
            pending[addr] = pending.get(addr, b"") + data
            continue
        for addr, message in pending.items():
            sock.sendto(message, addr)
        pending.clear()
