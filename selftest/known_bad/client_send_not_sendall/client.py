"""Known-bad tcp.client: writes the request with one send() instead of sendall().

Bug: the seed's s.send(request) ignores send()'s return value.  With a timeout set the
socket is non-blocking underneath, so one send() copies only what fits in the send buffer
and returns; against a server that reads slowly with small buffers most of a 1 MiB
request is never written.  The response is read correctly (loop until EOF).
Seed idiom: 000 "TCP Client" (s.send(...)) + "Timeouts" (s.settimeout) +
"Data Reassembly" (fragments loop).

Must fail: tcp.client/whole-request only.  Every other case sends a 60-byte request,
which always fits in one send().
"""

import socket


def fetch(host, port, request, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect((host, port))
    s.send(request)
    fragments = []
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        fragments.append(chunk)
    s.close()
    return b"".join(fragments)
