"""Bad tcp.echo: the seed's forking server with the parent's conn.close() forgotten.

Bug: after fork() the child serves the client and closes its copy of the socket, but the
parent never closes its own copy.  The connection stays open in the parent, so after the
child closes at EOF the client still never sees the server's FIN.
Seed: 000 "Forking server" (the "Parent process. Clean up" conn.close() is missing).
Must fail: tcp.echo/eof-close (all schedules).  It does NOT fail no-descriptor-leak: in
CPython the parent's copy is closed by reference counting when ``conn`` is rebound by the
next accept(), so only the most recent connection is held open - exactly the one the
eof-close case is waiting on.
"""

import os
import signal
from socket import AF_INET, SO_REUSEADDR, SOCK_STREAM, SOL_SOCKET, socket


def echo(conn):
    while True:
        data = conn.recv(65536)
        if not data:
            break
        conn.sendall(data)


def serve(host, port):
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # let the kernel reap the children
    s = socket(AF_INET, SOCK_STREAM)
    s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, _addr = s.accept()
        if os.fork() == 0:
            # Child process, manage client
            s.close()
            try:
                echo(conn)
            finally:
                conn.close()
                os._exit(0)
        # Parent process: back to accept() (without closing conn)
