"""Bad loop.echo / tcp.echo: a select() loop that never checks recv() for b"" (EOF).

Bug: the read handler appends whatever recv() returned to the client's output buffer and
moves on; only a reset ends a connection.  When a client finishes, recv() returns b"" -
forever: the socket stays in the read set, select() reports it readable at once every
time, and the loop spins without ever closing the connection.
Seed: 000 "Asynchronous Server" missing 000 "End of Data" (recv() returning b'' means the
other end closed).
Must fail (both roles): eof-close (all schedules: no FIN after the echo), no-busy-wait
(the finished client keeps select() from blocking: 100% CPU) and no-descriptor-leak (no
finished connection is ever closed).
"""

import select
import socket


def serve(host, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(1024)
    server.setblocking(False)
    out, done = {}, set()  # client -> bytes still to echo; clients that were reset
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
                out[c].clear()
                done.add(c)
                continue
            out[c] += data
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
