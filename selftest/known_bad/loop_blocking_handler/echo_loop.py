"""Bad loop.echo / tcp.echo: select() watches only the listening socket.

Bug: the loop select()s on the listening socket, accepts, and then serves that client in
a blocking recv()/sendall() loop until it disconnects, before going back to select().
One client at a time: the "event loop" is an iterative server.
Seed: 000 "Asynchronous Server" with only ``s`` in the select() lists (the clients are
never added); 004 "Event Driven I/O" ("If any of the event handler methods blocks ...").
Must fail: second-client and concurrent-clients for both roles, plus loop.echo/no-thread-per-connection
(clients 2-500 get no echo) and loop.echo/never-reading-client (the flooding client holds
the loop).
"""

import select
import socket


def handle_client(conn):
    with conn:
        try:
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                conn.sendall(data)
        except OSError:
            pass


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(1024)
    while True:
        readable, _, _ = select.select([s], [], [])
        for sock in readable:
            conn, _addr = sock.accept()
            handle_client(conn)
