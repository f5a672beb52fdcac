"""Known-bad tls.client: the chain is verified, the name is not (check_hostname = False).

Bug: connecting to 127.0.0.1 failed with "IP address mismatch" during development (the
student passed the host instead of server_hostname), so check_hostname went off.  The chain
is still verified against cafile (CERT_REQUIRED stays), but any certificate the CA issued,
for any host, is accepted.
Seed idiom: 004 "Working with SSL" (cert_reqs=CERT_REQUIRED, ca_certs=...), which never
checks the name at all.

Must fail: tls.client/reject-invalid-certificate[wrong-host] and [wrong-ip] only.  Every
other bad certificate fails chain verification, as it should.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False  # the chain is still verified
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
