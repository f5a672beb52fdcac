"""Known-bad tls.client (command form, Python script): checks the name after sending.

Bug: the chain is verified against cafile, but check_hostname is off and the name is
compared by hand only after sendall() ("send first, so the server can start working").
By then the request has already gone to whoever holds a certificate from the CA, for any
host.  The script does exit 1 on a mismatch, without reading or printing the response.
Seed idiom: 004 "Working with SSL" (cert_reqs=CERT_REQUIRED, ca_certs=...: chain only).
usage: fetch.py HOST PORT CAFILE SERVER_HOSTNAME TIMEOUT   (request on stdin)

Must fail: tls.client/reject-invalid-certificate[wrong-host] and [wrong-ip] (the request
was sent over the connection before the check).  Everything else passes.
"""

import socket
import ssl
import sys

host, port, cafile, name, timeout = sys.argv[1:6]
request = sys.stdin.buffer.read()
context = ssl.create_default_context(cafile=cafile)
context.check_hostname = False  # checked below
with socket.create_connection((host, int(port)), timeout=float(timeout)) as raw:
    with context.wrap_socket(raw, server_hostname=name) as tls:
        tls.sendall(request)
        names = tls.getpeercert().get("subjectAltName", ())
        if ("DNS", name) not in names and ("IP Address", name) not in names:
            sys.exit(f"fetch.py: the certificate is not for {name}: {names}")
        chunks = []
        while chunk := tls.recv(65536):
            chunks.append(chunk)
sys.stdout.buffer.write(b"".join(chunks))
