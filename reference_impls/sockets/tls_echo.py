"""tls.echo on raw sockets and threads: the seed's first SSL echo server (004 'Working with
SSL'), done right.

The seed wraps the *listening* socket with ``ssl.wrap_socket()`` (removed in Python 3.12), so
``accept()`` runs every handshake in the accept loop, and it serves one client at a time.
Here an ``SSLContext`` wraps each accepted socket in that client's thread, so a client that
never sends its ClientHello holds up only its own thread, and for a bounded time.
"""

import socket
import ssl
import sys
import threading

HANDSHAKE_TIMEOUT = 10.0


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # TLS 1.2 at least
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)  # sets SO_REUSEADDR
    while True:
        conn, addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()


def echo(context, conn, addr):
    try:
        conn.settimeout(HANDSHAKE_TIMEOUT)
        with context.wrap_socket(conn, server_side=True) as tls:  # the handshake, here
            tls.settimeout(None)
            while data := tls.recv(65536):
                tls.sendall(data)
    except OSError as exc:  # a failed handshake, a reset: this client only
        print(f"{addr}: {type(exc).__name__}: {exc}", file=sys.stderr)
    finally:
        conn.close()
