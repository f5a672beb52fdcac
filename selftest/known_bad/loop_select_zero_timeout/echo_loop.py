"""Bad loop.echo / tcp.echo: a select() loop polling with a timeout of 0.

Bug: select(..., 0) returns at once when nothing is ready ("so the loop never blocks and
Ctrl-C works"), and the loop goes straight back to it: a busy-wait at 100% CPU while idle.
The echo itself is correct.
Seed: 000 "Asynchronous Server" / 004 "Event Driven I/O" (select() is meant to block until
something happens), 000 "Non-blocking Sockets".
Must fail (both roles): no-busy-wait only.
"""

import select
import socket


def serve(host, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(1024)
    server.setblocking(False)
    out, done = {}, set()  # client -> bytes still to echo; clients that have finished
    while True:
        readers = [server] + [c for c in out if c not in done]
        writers = [c for c in out if out[c]]
        readable, writable, _ = select.select(readers, writers, [], 0)
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
