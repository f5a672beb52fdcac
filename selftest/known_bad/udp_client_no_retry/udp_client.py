"""Bad udp.client: one try only; `retries` is taken and ignored.

Bug: the student's client is the TCP client with SOCK_DGRAM: send, wait `timeout` for the
reply, and let socket.timeout propagate.  UDP does not retransmit: a datagram lost (or a
request the server dropped) is never answered, and only the client can send it again.
Seed: 004 'Using UDP' (the time client: sendto, recvfrom) + 000 'Timeouts' (settimeout).
Must fail: udp.client/retry (the server drops the first two tries: it raises after the first)
and udp.client/give-up (it raises in time, but after 1 try instead of 3).  It connect()s its
socket, so strangers are dropped by the kernel and ignore-strangers passes.
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, port))
        sock.settimeout(timeout)
        sock.send(payload)
        return sock.recv(65535)
