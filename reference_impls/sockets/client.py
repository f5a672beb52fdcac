"""tcp.client: the seed's "TCP Client" with sendall(), reassembly and one overall deadline."""

import socket
import time


def fetch(host, port, request, timeout):
    deadline = time.monotonic() + timeout
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((host, port))
        sock.sendall(request)
        fragments = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{host}:{port} did not finish within {timeout} s")
            sock.settimeout(remaining)
            chunk = sock.recv(65536)
            if not chunk:
                return b"".join(fragments)
            fragments.append(chunk)
    finally:
        sock.close()
