"""Known-bad tls.client: the certificate's validity dates are not checked.

Bug: the test certificates of the student's lab "expired all the time", so they added
OpenSSL's X509_V_FLAG_NO_CHECK_TIME (0x200000; the ssl module has no name for it) to the
context's verify_flags.  The chain and the name are still verified, but an expired
certificate, or one not valid yet, is accepted.
Seed idiom: 004 "Working with SSL" (cert_reqs=CERT_REQUIRED, ca_certs=...), weakened.

Must fail: tls.client/reject-invalid-certificate[expired] and [not-yet-valid] only.
"""

import socket
import ssl

X509_V_FLAG_NO_CHECK_TIME = 0x200000


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    context.verify_flags |= X509_V_FLAG_NO_CHECK_TIME  # "certificates keep expiring"
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
