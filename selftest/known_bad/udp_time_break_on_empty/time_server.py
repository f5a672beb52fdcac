"""Bad udp.time: stops serving at the first empty datagram, as if it were EOF.

Bug: the student carried the TCP loop over to UDP: ``if not data: break``.  On a stream an
empty recv() means the peer closed; on UDP it is an ordinary (empty) datagram, which must be
answered like any other.  Here it ends the loop, and serve() returns: the server exits.
Seed: 000 'TCP Server' / 004 'Using TCP' (``if not data: break``) reused for 004 'Using UDP'.
Must fail: udp.time/empty-datagram only (no reply, the server has exited).  No other case
sends an empty datagram.
"""

import socket
import time


def serve(host, port):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((host, port))
        while True:
            data, addr = sock.recvfrom(65535)
            if not data:
                break  # client is done
            sock.sendto(time.ctime().encode("ascii"), addr)
