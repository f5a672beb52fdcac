"""Known-bad tcp.client (command form, Python script): reads its request with one read().

Bug: the request comes on stdin, and the student takes it with a single
sys.stdin.buffer.read(65536), "big enough for any request", the same mistake as trusting
one recv() to return a whole message.  A request longer than 64 KiB is cut, and the
server only ever gets its first 64 KiB.  The network side is right (sendall, recv until
EOF, timeout, errors exit non-zero through the traceback).
Seed idiom: 000 "Partial Reads/Writes" ("recv() length is only a maximum limit") +
"TCP Client" (data = s.recv(10000)), applied to the request.
usage: fetch.py HOST PORT TIMEOUT   (request on stdin, response on stdout)

Must fail: tcp.client/whole-request only (a 5 MiB request).  Every other case sends a
60-byte request.
"""

import socket
import sys

host, port, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
request = sys.stdin.buffer.read(65536)  # the request, at most 64 KiB
with socket.create_connection((host, port), timeout=timeout) as s:
    s.sendall(request)
    fragments = []
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        fragments.append(chunk)
sys.stdout.buffer.write(b"".join(fragments))
