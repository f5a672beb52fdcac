"""tcp.echo: one thread per client, echoing each recv() with sendall()."""

import threading

from listener import listen


def handle(conn):
    with conn:  # closed however the client leaves
        try:
            while True:
                data = conn.recv(65536)
                if not data:  # EOF: the client has finished sending
                    break
                conn.sendall(data)
        except (ConnectionResetError, BrokenPipeError):
            pass  # the client went away; this connection is over, the server is not


def serve(host, port):
    server = listen(host, port)
    while True:
        conn, _addr = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
