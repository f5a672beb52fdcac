"""Bad tls.echo: the cafile argument is accepted and never used.

Bug: serve() takes cafile (the signature says so) but the context is built exactly as
for a server without client certificates: verify_mode stays CERT_NONE, so the server
never asks for a certificate and lets everybody in.
Seed: 004 "Working with SSL" (the seed's comment says "requiring client certs" while its
wrap_socket() call passes neither cert_reqs nor ca_certs).
Must fail: tls.echo/client-cert-required (both: no certificate, and one from another CA).
client-cert-accepted passes: a client with a good certificate gets in, like everyone.
"""

import socket
import ssl
import sys
import threading


def echo(context, conn, addr):
    try:
        conn.settimeout(10)  # a client that never finishes its handshake
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.settimeout(None)
            while data := tls.recv(65536):
                tls.sendall(data)
    except OSError as exc:
        print(f"{addr}: {exc}", file=sys.stderr)
    finally:
        conn.close()


def serve(host, port, certfile, keyfile, cafile=None):
    # Wrap with an SSL layer requiring client certs
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()
