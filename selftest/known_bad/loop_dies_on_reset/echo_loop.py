"""Bad loop.echo / tcp.echo: a line-echo select() loop without any error handling.

Bug: recv() and send() are not wrapped in try/except.  The first time a client resets its
connection, ConnectionResetError propagates out of the loop and the whole server exits.
(The loop echoes complete lines, like the seed's StreamRequestHandler echo, and the rest at
EOF; it hangs up on a client whose unfinished line passes MAX_LINE.  So the client that
floods 16 MiB without a newline is gone before it resets, and only survive-reset kills it.)
Seed: 000 "Asynchronous Server" / 004 "Event Driven I/O" handlers with no error handling;
000 "Sockets and Concurrency".
Must fail (both roles): survive-reset only.
"""

import select
import socket

MAX_LINE = 1 << 20  # a longer line is abuse: hang up on that client


def serve(host, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen(1024)
    server.setblocking(False)
    line, out, done = {}, {}, set()  # unfinished line; bytes to echo; finished clients
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
                line[conn], out[conn] = bytearray(), bytearray()
                continue
            data = c.recv(65536)
            line[c] += data
            end = line[c].rfind(b"\n") + 1 if data else len(line[c])
            out[c] += line[c][:end]
            del line[c][:end]
            if not data or len(line[c]) > MAX_LINE:
                done.add(c)
        for c in writable:
            del out[c][:c.send(out[c])]
        for c in [c for c in done if not out[c]]:
            del line[c], out[c]
            done.discard(c)
            c.close()
