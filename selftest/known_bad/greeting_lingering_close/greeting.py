"""Known-bad tcp.greeting: after greeting, waits for the client to close first.

Bug: a "graceful close" done in the wrong place.  The iterative server sends the greeting,
shutdown(SHUT_WR)s (so the client does see EOF at once), then blocks in recv() until the
client closes its end.  A client that connects and never reads nor closes holds the only
loop, and everyone behind it waits.
Seed idiom: 000 "TCP Server" (iterative accept loop) with a lingering close.

Must fail: tcp.greeting/idle-client only (a SHOULD).  Must pass greet-then-close,
no-wait-for-data and consecutive-clients: those clients close right after reading.
"""

import socket


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(5)
    while True:
        conn, addr = s.accept()
        try:
            conn.sendall(f"Hello {addr}".encode())
            conn.shutdown(socket.SHUT_WR)  # done sending: the client sees EOF
            conn.recv(1024)  # wait until the client has closed too
        except OSError as exc:
            print(f"{addr}: {exc}", flush=True)
        finally:
            conn.close()
