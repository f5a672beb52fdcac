"""tls.client in command form: the request on stdin, the response on stdout, exit 1 on any
error (a refused connection, a timeout, a certificate that fails verification).

    python tls_fetch.py HOST PORT CAFILE SERVER_HOSTNAME TIMEOUT
"""

import socket
import ssl
import sys
import time


def main(host, port, cafile, server_hostname, timeout):
    request = sys.stdin.buffer.read()
    context = ssl.create_default_context(cafile=cafile)
    deadline = time.monotonic() + timeout
    with (
        socket.create_connection((host, port), timeout=timeout) as raw,
        context.wrap_socket(raw, server_hostname=server_hostname) as tls,
    ):
        tls.sendall(request)
        while True:
            tls.settimeout(max(0.001, deadline - time.monotonic()))
            chunk = tls.recv(65536)
            if not chunk:
                break
            sys.stdout.buffer.write(chunk)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    host, port, cafile, server_hostname, timeout = sys.argv[1:]
    try:
        main(host, int(port), cafile, server_hostname, float(timeout))
    except (OSError, ValueError) as exc:  # ssl.SSLError and TimeoutError are OSErrors
        print(f"tls_fetch: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
