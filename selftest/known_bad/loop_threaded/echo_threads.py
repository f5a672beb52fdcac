"""Bad loop.echo: a correct thread-per-client echo server handed in as the event loop.

Bug: not a bug for tcp.echo, but loop.echo asks for one thread multiplexing every
connection; this server starts a thread per client (500 clients: 501 threads).
Seed: 000 "Threaded Server" submitted for 000 "Asynchronous Server" / 004 "Event Driven I/O".
Must fail: loop.echo/no-thread-per-connection only.  Every other loop.echo case passes (a blocked thread
only blocks its own client, so never-reading-client passes too).
"""

import socket
import threading


def handle_client(c):
    with c:
        try:
            while True:
                data = c.recv(65536)
                if not data:
                    break
                c.sendall(data)
        except OSError:
            pass


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(1024)
    while True:
        conn, _addr = s.accept()
        threading.Thread(target=handle_client, args=(conn,), daemon=True).start()
