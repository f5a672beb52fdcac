"""Known-bad tls.client: SSL and socket errors are caught and an empty response returned.

Bug: "the client must not crash", so the whole exchange sits in try/except OSError (which
includes ssl.SSLError and timeouts) that prints the error and returns b"".  A certificate
that fails verification and a server that never answers both look like an empty response.
Seed idiom: 004 "Working with SSL" (the client), wrapped like the seed server's accept loop
(except Exception as e: print(...)).

Must fail: every reject-invalid-certificate and reject-broken-chain case (returns instead of
raising; nothing is sent, verification does its job) and handshake-timeout (returns b"" at
the timeout).  The happy paths pass.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    chunks = []
    try:
        with socket.create_connection((host, port), timeout=timeout) as raw:
            with context.wrap_socket(raw, server_hostname=server_hostname) as tls:
                tls.sendall(request)
                while True:
                    chunk = tls.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
    except OSError as exc:  # ssl.SSLError and TimeoutError are OSErrors
        print(f"fetch: {type(exc).__name__}: {exc}")
    return b"".join(chunks)
