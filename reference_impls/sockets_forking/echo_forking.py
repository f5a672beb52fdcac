"""tcp.echo with fork(): the child serves the client, the parent goes back to accept().

The parent closes its copy of each client socket at once (otherwise the client never sees
EOF and descriptors leak), and SIGCHLD is ignored so exited children are reaped.
"""

import os
import signal
import socket


def echo(conn):
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            conn.sendall(data)
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        conn.close()


def serve(host, port):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(128)
    while True:
        try:
            conn, _addr = server.accept()
        except InterruptedError:
            continue
        if os.fork() == 0:
            server.close()
            echo(conn)
            os._exit(0)
        conn.close()
