"""tcp.greeting: the seed's iterative "TCP Server", with sendall() and SO_REUSEADDR.

Iterative is fine here: each client costs one sendall() of a few bytes and a close().
"""

import contextlib

from listener import listen


def serve(host, port):
    server = listen(host, port)
    while True:
        conn, addr = server.accept()
        # suppress: a client that left before its greeting must not stop the server
        with conn, contextlib.suppress(OSError):
            conn.sendall(f"Hello {addr}".encode())
