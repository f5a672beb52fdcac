"""Bad tls.echo: the server's own certificate loaded as the client CA.

Bug: with cafile given, the student calls load_verify_locations(certfile) (the variable
next to it) instead of load_verify_locations(cafile).  Client certificates are required,
but checked against the server's own leaf certificate, which issued none of them: every
client certificate fails verification, the good ones too.
Seed: 004 "Working with SSL" (the seed's client passes the server's certificate as its
ca_certs, ca_certs='server_cert.pem': here that idea lands on the server side).
Must fail: tls.echo/client-cert-accepted, and client-cert-required (the clients without a
good certificate are refused, as they should be, but so is the good one the case sends
afterwards to check the server still serves).
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
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(certfile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()
