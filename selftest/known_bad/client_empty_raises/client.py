"""Known-bad tcp.client: treats an immediate EOF as an error.

Bug: the student checks the first recv() "to detect a dead server" and raises when it
returns b''; a server that closes without sending is a complete, empty response, not an
error.  The rest (sendall, reassembly until EOF, timeout) is right.
Seed idiom: 000 "End of Data" and "Data Reassembly" (the first chunk handled apart).

Must fail: tcp.client/empty-response only.
"""

import socket


def fetch(host, port, request, timeout):
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        first = s.recv(65536)
        if not first:
            raise ConnectionError(f"{host}:{port} closed the connection without a response")
        fragments = [first]
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            fragments.append(chunk)
    return b"".join(fragments)
