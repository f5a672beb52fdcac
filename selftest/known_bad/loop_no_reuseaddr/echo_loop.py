"""Bad loop.echo / tcp.echo: a correct select() loop whose listening socket lacks SO_REUSEADDR.

Bug: the setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) line before bind() is missing.  After a
stop, the connections the server closed sit in TIME_WAIT on its port and the restart dies
with "Address already in use".
Seed: 000 "Asynchronous Server", missing 000 "Socket Options".
Must fail (both roles): reuse-address only.
"""

import select
import socket


def serve(host, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind((host, port))
    server.listen(1024)
    server.setblocking(False)
    out, done = {}, set()  # client -> bytes still to echo; clients that have finished
    while True:
        readers = [server] + [c for c in out if c not in done]
        writers = [c for c in out if out[c]]
        readable, writable, _ = select.select(readers, writers, [])
        for c in readable:
            if c is server:
                try:
                    conn, _addr = server.accept()
                except BlockingIOError:
                    continue
                conn.setblocking(False)
                out[conn] = bytearray()
                continue
            try:
                data = c.recv(65536)
            except OSError:  # reset by the client
                data = b""
                out[c].clear()
            out[c] += data
            if not data:
                done.add(c)
        for c in writable:
            try:
                del out[c][:c.send(out[c])]
            except OSError:
                out[c].clear()
                done.add(c)
        for c in [c for c in done if not out[c]]:
            del out[c]
            done.discard(c)
            c.close()
