"""Bad loop.echo / tcp.echo: a select() loop that forgets close() when a client is finished.

Bug: a finished client is removed from the loop's tables but its socket is never closed,
and the ``peers`` dict (kept for the log line) still references it, so the descriptor stays
open and the client never gets the server's FIN.  It is out of the select() sets, so
nothing spins.
Seed: 000 "Asynchronous Server" and "TCP Server" (conn.close() when done with a client).
Must fail (both roles): eof-close (all schedules) and no-descriptor-leak.
"""

import select
import socket


def serve(host, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(1024)
    server.setblocking(False)
    peers = {}  # client -> address, for the log
    out, done = {}, set()  # client -> bytes still to echo; clients that have finished
    while True:
        readers = [server] + [c for c in out if c not in done]
        writers = [c for c in out if out[c]]
        readable, writable, _ = select.select(readers, writers, [])
        for c in readable:
            if c is server:
                try:
                    conn, addr = server.accept()
                except BlockingIOError:
                    continue
                conn.setblocking(False)
                out[conn] = bytearray()
                peers[conn] = addr
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
            print(f"{peers[c]} disconnected")
