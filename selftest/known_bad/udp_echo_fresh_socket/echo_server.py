"""Bad udp.echo: answers from a new socket, so the reply comes from another port.

Bug: the student thinks of the bound socket as "the listening socket", as in TCP, and sends
each reply from a fresh socket of its own (``with socket.socket(...) as out: out.sendto``).
The bytes are right and reach the right client, but from an ephemeral port, not the
server's address: a client that connect()s its socket (or checks the sender, as it should)
drops the reply, and a client behind NAT or a firewall never sees it.
Seed: 004 'Using UDP' (reply with sock.sendto on the socket the request came on, socketserver's
``data, sock = self.request``), mixed with 000 'TCP Server' (a socket per client).
Must fail: every case that checks where replies come from: udp.echo/identical-datagram (all
sizes) and udp.echo/burst-boundaries.  udp.echo/uncrossed only checks the bytes each client
gets, which are right.
"""

import socket


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        data, addr = sock.recvfrom(65535)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as out:
            out.sendto(data, addr)
