r"""Bad udp.time: the reply ends with a newline.

Bug: the student tried the server with ``nc -u`` and the time ran into the prompt, so the reply
became ``time.ctime() + "\n"``: "nicer in a terminal".  A client that compares or parses the
reply gets one byte too many: the contract is time.ctime() as ASCII, nothing else.
Seed: 004 'Using UDP' (TimeHandler: sock.sendto(time.ctime().encode('ascii'), ...)), with the
line ending of the TCP greeting habits added.
Must fail: every case that checks the reply's bytes: reply-ctime, empty-datagram and
several-clients.  survive-large-datagram and survive-garbage only ask for a reply from the
server's address, which it still sends.
"""

import socket
import time


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        _data, addr = sock.recvfrom(65535)
        reply = time.ctime() + "\n"
        sock.sendto(reply.encode("ascii"), addr)
