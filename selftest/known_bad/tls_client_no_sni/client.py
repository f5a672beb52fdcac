"""Known-bad tls.client: checks the name itself, so it never sends SNI.

Bug: the student read that ssl.match_hostname() was removed in Python 3.12 and checks the
certificate's subjectAltName by hand after the handshake, with check_hostname = False and
no server_hostname passed to wrap_socket().  The check is right (DNS names and IP
addresses, before anything is sent), but server_hostname is also the SNI: without it the
ClientHello names no host, and a server with several sites cannot pick the certificate.
Seed idiom: 004 "Working with SSL" (the old wrap_socket() had no server_hostname at all).

Must fail: tls.client/sni only.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False  # checked below, by hand
    with socket.create_connection((host, port), timeout=timeout) as raw:
        with context.wrap_socket(raw) as tls:  # no server_hostname: no SNI
            names = tls.getpeercert().get("subjectAltName", ())
            if ("DNS", server_hostname) not in names and (
                "IP Address",
                server_hostname,
            ) not in names:
                raise ssl.SSLCertVerificationError(
                    f"certificate is not valid for {server_hostname!r}: {names}"
                )
            tls.sendall(request)
            chunks = []
            while True:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
    return b"".join(chunks)
