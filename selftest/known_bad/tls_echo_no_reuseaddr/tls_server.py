"""Bad tls.echo: the seed's listening socket, bound without SO_REUSEADDR.

Bug: the listening socket is created, bound and listened on exactly as in the seed, with
no setsockopt(SO_REUSEADDR).  After a stop, the connections the server closed sit in
TIME_WAIT on its port, and a restart fails with "Address already in use".
Seed: 004 "Working with SSL" (s = socket(AF_INET, SOCK_STREAM); s.bind(address);
s.listen(...)), missing 000 "Socket Options".  The rest is the reference: a thread per
client, the handshake in that thread.
Must fail: tls.echo/reuse-address only.
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
        context.load_verify_locations(cafile)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, addr = s.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()
