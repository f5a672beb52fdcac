"""Known-bad tls.client: trusts the system's CA store instead of cafile.

Bug: ssl.create_default_context() is called without cafile (the cafile parameter is taken
and never used).  That context trusts the operating system's public CAs, which is right for
https://example.com but knows nothing of a private CA: every certificate the suite's CA
issued fails with CERTIFICATE_VERIFY_FAILED.
Seed idiom: 004 "Working with SSL" (ca_certs='server_cert.pem'), with the ca_certs
argument dropped in the move to create_default_context().

Must fail: tls.client/verified-connection and read-to-eof (every valid certificate is
refused).  The rejections, SNI and the handshake timeout pass: refusing is what it does.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context()  # the system store: cafile is never loaded
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
