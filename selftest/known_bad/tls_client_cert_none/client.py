"""Known-bad tls.client: verification switched off (CERT_NONE).

Bug: the student got "CERTIFICATE_VERIFY_FAILED" while trying things out and switched
verification off: check_hostname = False and verify_mode = ssl.CERT_NONE.  The connection is
still encrypted, but with nobody in particular: any certificate is accepted, and the cafile
that was loaded is never consulted.
Seed idiom: 004 "Working with SSL" (the client's cert_reqs=ssl.CERT_REQUIRED, ca_certs=...),
with cert_reqs turned into CERT_NONE.

Must fail: every tls.client/reject-invalid-certificate and reject-broken-chain case (the
request goes out over the connection and the response comes back).  The happy paths pass.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # "fixes" CERTIFICATE_VERIFY_FAILED
    with socket.create_connection((host, port), timeout=timeout) as raw:
        with context.wrap_socket(raw, server_hostname=server_hostname) as tls:
            tls.sendall(request)
            chunks = []
            while True:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
    return b"".join(chunks)
