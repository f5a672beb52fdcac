"""Bad loop.echo: a select() loop over blocking sockets that echoes with sendall().

Bug: the read handler writes the echo with a blocking sendall().  When a client sends a
lot and never reads, its socket buffers fill, sendall() blocks, and the whole loop - every
other client - stops until that client reads or goes away.
Seed: 000 "Asynchronous Server" (select() for input only) with 000 "Sending All Data"
("You don't use this if networking is mixed in with other kinds of processing"); 004 "Event
Driven I/O" ("If any of the event handler methods blocks ... it blocks the progress of
everything").
Must fail: loop.echo/never-reading-client only.  (Not declared for tcp.echo: with threads
or processes per client that is fine, and this loop passes every tcp.echo case.)
"""

import select
from socket import AF_INET, SO_REUSEADDR, SOCK_STREAM, SOL_SOCKET, socket


def serve(host, port):
    s = socket(AF_INET, SOCK_STREAM)
    s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(1024)
    clients = []
    while True:
        readable, _, _ = select.select([s] + clients, [], [])
        for c in readable:
            if c is s:
                conn, _addr = s.accept()
                clients.append(conn)
                continue
            try:
                data = c.recv(65536)
                if data:
                    c.sendall(data)
                    continue
            except OSError:
                pass
            clients.remove(c)
            c.close()
