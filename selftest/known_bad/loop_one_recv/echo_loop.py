"""Bad loop.echo / tcp.echo: a select() loop that answers one recv() per connection.

Bug: written like a request/reply server, the loop takes the first recv() as the whole
message: it echoes it and closes the connection as soon as that is sent.  But recv()
returns only what has arrived so far - a single byte when the bytes arrive one by one.
Seed: 000 "Asynchronous Server", ignoring 000 "Partial Reads/Writes" and "Data Reassembly".
Must fail (both roles): partial-reads (all), large-payload (all) and the one-byte and
random-splits variants of all-byte-values, eof-close and second-client, plus
concurrent-clients[random-splits].  A payload sent in one write (all-at-once) or corked
into one segment (coalesced) fits one recv() and passes.
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
            out[c] += data
            done.add(c)  # one request, one reply: close once it is sent
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
