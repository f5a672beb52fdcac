"""Known-bad tls.client: the timeout is set only after the handshake.

Bug: the socket is connected without a timeout and wrapped (the handshake runs inside
wrap_socket()), and only then is tls.settimeout(timeout) called "for the reads".  A server
that accepts and never answers the ClientHello keeps the client in the handshake forever.
Seed idiom: 004 "Working with SSL" (s.connect() after wrap_socket(), no timeout anywhere)
and 000 "Timeouts", applied to the reads only.

Must fail: tls.client/handshake-timeout only.
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    raw = socket.create_connection((host, port))
    with context.wrap_socket(raw, server_hostname=server_hostname) as tls:
        tls.settimeout(timeout)  # too late: the handshake is already done
        tls.sendall(request)
        chunks = []
        while True:
            chunk = tls.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)
