"""tls.client: the seed's verifying client (004 'Working with SSL') on an SSLContext.

The seed's ``ssl.wrap_socket(s, cert_reqs=ssl.CERT_REQUIRED, ca_certs=...)`` was removed in
Python 3.12.  ``ssl.create_default_context(cafile=cafile)`` is its modern equivalent: it
trusts only ``cafile``, requires a certificate (CERT_REQUIRED), checks the hostname, and
refuses TLS below 1.2.  ``server_hostname`` is both the name sent as SNI and the name the
certificate must carry.  The socket's timeout covers the handshake as well.
"""

import socket
import ssl
import time


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    deadline = time.monotonic() + timeout
    with (
        socket.create_connection((host, port), timeout=timeout) as raw,
        context.wrap_socket(raw, server_hostname=server_hostname) as tls,
    ):
        tls.sendall(request)
        fragments = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no EOF from {host}:{port} within {timeout} s")
            tls.settimeout(remaining)
            chunk = tls.recv(65536)
            if not chunk:
                break
            fragments.append(chunk)
    return b"".join(fragments)
