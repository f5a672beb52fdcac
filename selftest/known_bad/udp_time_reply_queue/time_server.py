"""Bad udp.time: queues the replies while requests keep coming, then sends them all to the
last sender.

Bug: the student's select() loop answers "when the line is quiet": while datagrams keep
arriving it only queues a reply per request, and when select() times out it sends the queue.
The queue holds the replies but not the addresses: they all go to ``addr``, the variable left
over from the last recvfrom().  One client at a time gets every reply right; when several
clients' requests arrive together, the last one gets the others' replies and they get none.
Seed: 004 'Event Driven I/O' (select() loop with a timeout) on 004 'Using UDP'; the reply
must go to the address recvfrom() returned with *that* datagram.
Must fail: udp.time/several-clients only (10 clients' 30 requests arrive as one burst, well
inside the 50 ms quiet window, so they are answered together).  Every other case has one
client waiting for each reply before sending again, which this loop answers correctly.
"""

import select
import socket
import time

QUIET = 0.05  # seconds without a request before the queued replies go out


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    queue = []
    addr = None
    while True:
        readable, _, _ = select.select([sock], [], [], QUIET)
        if readable:
            _data, addr = sock.recvfrom(65535)
            queue.append(time.ctime().encode("ascii"))
            continue
        for reply in queue:
            sock.sendto(reply, addr)
        queue.clear()
