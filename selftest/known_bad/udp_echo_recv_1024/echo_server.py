"""Bad udp.echo: reads each datagram with recvfrom(1024).

Bug: "1024 is plenty for a message", the size from the TCP examples.  On a datagram socket
the size is not a chunk of a stream but the whole datagram's limit: a longer datagram is cut
to its first 1024 bytes and the rest is discarded by the kernel, with no error.
Seed: 004 'Using UDP' / 000 'Connections' (``recvfrom(1024)``); 000 'Partial Reads/Writes'.
Must fail: udp.echo/identical-datagram[largest] (65,507 bytes come back as 1024) and
udp.echo/burst-boundaries (most of the burst's 13..1,413-byte datagrams come back cut to 1024
bytes with the default seed: it draws 30 sizes, of which about 28% exceed 1024).
"""

import socket


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        data, addr = sock.recvfrom(1024)
        sock.sendto(data, addr)
