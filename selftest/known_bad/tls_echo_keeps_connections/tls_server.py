"""Bad tls.echo: keeps every connection in a list and never closes one.

Bug: each client's TLS socket is appended to a global list ("to know who is connected")
and the handler returns at EOF without close(), counting on the socket being freed.  The
list keeps every socket alive, so no connection is ever closed: the client gets its echo
but never an EOF, and the descriptors pile up.
Seed: 004 "Working with SSL" (echo_client() ends with s.close(), dropped here) and 000
"TCP Server" (conn.close()).
Must fail: tls.echo/eof-close and no-descriptor-leak.
"""

import socket
import ssl
import threading

clients = []


def echo(context, conn):
    conn.settimeout(10)  # a client that never finishes its handshake
    try:
        tls = context.wrap_socket(conn, server_side=True)
    except OSError:
        conn.close()
        return
    tls.settimeout(None)
    clients.append(tls)
    try:
        while data := tls.recv(65536):
            tls.sendall(data)
    except OSError:
        pass


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, _addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn), daemon=True).start()
