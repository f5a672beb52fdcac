"""Known-bad tcp.greeting: greets, but never closes the client's socket.

Bug: the student keeps every connection in a list "to talk to the clients again later",
so nothing is ever closed and no client ever sees EOF.
Seed idiom: 000 "TCP Server" without conn.close().

Must fail: tcp.greeting/greet-then-close only (the right greeting, then the connection stays
open).  Must pass no-wait-for-data, consecutive-clients and idle-client, which only compare
the greeting's bytes (consecutive-clients is slow: each of its five reads waits out the
read timeout for an EOF that never comes).
"""

import socket


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(5)
    clients = []  # every client we have greeted, to talk to them again later
    while True:
        conn, addr = s.accept()
        conn.sendall(f"Hello {addr}".encode())
        clients.append(conn)
