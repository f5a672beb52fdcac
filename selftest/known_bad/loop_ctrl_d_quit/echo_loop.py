"""Bad loop.echo / tcp.echo: a select() loop that treats Ctrl-D (byte 0x04) as "quit".

Bug: tested by hand with a terminal client, the loop ends a session when it sees byte
0x04 (EOT, what Ctrl-D sends in raw mode): it echoes what came before it and closes.  But
this is a byte stream, and 0x04 is just data.
Seed: 000 "Asynchronous Server"; the echo must be byte-exact (000 "TCP Server"; only
recv() returning b'' means the client has finished, 000 "End of Data").
Must fail (both roles): all-byte-values (all schedules: the echo stops after bytes 0-3)
and large-payload (all schedules: the random 8 MiB payload holds 0x04 in its first KiBs).
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
            if b"\x04" in data:  # Ctrl-D: end of session
                data = data[:data.index(b"\x04")]
                done.add(c)
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
