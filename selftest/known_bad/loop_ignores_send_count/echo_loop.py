"""Bad loop.echo / tcp.echo: a select() loop that ignores how much send() actually sent.

Bug: the loop echoes each recv() at once with ``c.send(data)`` on a non-blocking socket
and never looks at the return value; when the send buffer is (almost) full, send() takes
only part of ``data`` - or raises BlockingIOError, which is ignored - and the rest is lost.
Seed: 000 "Asynchronous Server" with 000 "Non-blocking Sockets", ignoring "Partial
Reads/Writes" ("send() returns actual bytes sent").
Must fail (both roles): large-payload, every schedule.  The client reads more slowly than
it writes, through a small window, so the echo backs up, the send buffer fills and chunks
are cut.  Small echoes always fit, so every other case passes.
"""

import select
import socket


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(1024)
    clients = []
    while True:
        readable, _, _ = select.select([s] + clients, [], [])
        for c in readable:
            if c is s:
                conn, addr = s.accept()
                conn.setblocking(False)
                clients.append(conn)
                continue
            try:
                data = c.recv(65536)
            except OSError:
                data = b""
            if not data:
                clients.remove(c)
                c.close()
                continue
            try:
                c.send(data)
            except BlockingIOError:
                pass  # the buffer is full; the client is slow
            except OSError:
                pass  # gone: recv() will tell
