"""Bad tcp.echo: finished connections are kept in a list and never closed.

Bug: every accepted socket is appended to ``connections`` (for a "who is connected" count)
and the handler returns at EOF without conn.close().  The list keeps each socket object
alive, so its descriptor stays open and the client never sees the server's FIN.
Seed: 000 "TCP Server" (the conn.close() after serving the client is missing).
Must fail: tcp.echo/eof-close (all schedules: no EOF after the echo) and
tcp.echo/no-descriptor-leak (200 connections leave 200 open descriptors).
"""

import socket
import threading

connections = []


def handle(conn):
    while True:
        data = conn.recv(65536)
        if not data:
            break
        conn.sendall(data)
    print(f"client finished; {len(connections)} served so far")


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, _addr = s.accept()
        connections.append(conn)
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
