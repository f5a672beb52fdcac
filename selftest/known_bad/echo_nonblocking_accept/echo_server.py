"""Bad tcp.echo: a non-blocking accept() loop that spins while nobody connects.

Bug: the listening socket is made non-blocking ("so the loop never gets stuck") and the
main loop retries accept() at once on BlockingIOError: 100% of a CPU while idle.  Clients
are served correctly by one thread each.
Seed: 000 "TCP Server" ("accept() blocks ... server sleeps if nothing is happening") and
"Non-blocking Sockets" used without select().
Must fail: tcp.echo/no-busy-wait only.
"""

import socket
import threading


def handle(conn):
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
    s.listen(128)
    s.setblocking(False)
    while True:
        try:
            conn, _addr = s.accept()
        except BlockingIOError:
            continue  # nobody yet: try again
        conn.setblocking(True)
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
