"""tcp.client: send the whole request, then reassemble the response until EOF.

One deadline covers the whole call, so a server that trickles bytes forever cannot keep the
client past ``timeout`` either.
"""

import socket
import time


def fetch(host, port, request, timeout):
    deadline = time.monotonic() + timeout
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request)
        fragments = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no EOF from {host}:{port} within {timeout} s")
            sock.settimeout(remaining)
            chunk = sock.recv(65536)
            if not chunk:
                break
            fragments.append(chunk)
    return b"".join(fragments)
