"""Bad tcp.echo: logs the client's first line, and crashes when there is none.

Bug: the handler reads once before its loop and logs ``data.splitlines()[0]``.  For a client
that connects and closes without sending, that first recv() returns b"" and the index
raises IndexError: the handler thread dies with a traceback on stderr.  (The with-block
still closes the socket and the server keeps serving, so only the error shows.)
Seed: 000 "End of Data" (recv() returning b"" means the peer closed) and "TCP Server".
Must fail: tcp.echo/connect-then-close (SHOULD) only.
"""

import socket
import threading


def handle(conn, addr):
    with conn:
        data = conn.recv(4096)
        print(f"{addr} says {data.splitlines()[0][:40]!r}")
        while data:
            conn.sendall(data)
            data = conn.recv(4096)


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, addr = s.accept()
        threading.Thread(target=handle, args=(conn, addr), daemon=True).start()
