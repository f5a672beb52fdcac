"""Known-bad tcp.client (command form, Python script): errors are swallowed.

Bug: the whole exchange sits in try/except OSError that prints the error and falls
through, so the script exits 0 with whatever it had (nothing) on stdout.  The caller
cannot tell "refused" or "timed out" from an empty response.
Seed idiom: 000 "TCP Client" + "Timeouts" + "Data Reassembly", wrapped in a catch-all.
usage: fetch.py HOST PORT TIMEOUT   (request on stdin, response on stdout)

Must fail: tcp.client/refused and tcp.client/timeout (both end in exit status 0 with empty
output).  Must pass the rest: the happy path (sendall, recv until EOF) is right.
"""

import socket
import sys

host, port, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
request = sys.stdin.buffer.read()
fragments = []
try:
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            fragments.append(chunk)
except OSError as exc:
    print(f"fetch: {exc}", file=sys.stderr)
sys.stdout.buffer.write(b"".join(fragments))
