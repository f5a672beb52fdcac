"""Bad tcp.echo: one recv(), one sendall(), close - as if a message always arrives whole.

Bug: the handler reads once and hangs up, the shape of the seed's greeting server
(``conn.send(...); conn.close()``) reused for echo.  recv() returns what has arrived so far,
which may be a single byte: everything after the first segment is lost.
Seed: 000 "TCP Server" (one send then conn.close()), ignoring "Partial Reads/Writes".
Must fail: every case whose payload arrives in more than one segment: partial-reads (all),
large-payload (all), and the one-byte and random-splits variants of all-byte-values,
eof-close and second-client, plus concurrent-clients[random-splits].  Payloads sent in one
write (all-at-once) or corked into one segment (coalesced) fit one recv and pass.
"""

import socket
import threading


def handle(conn):
    data = conn.recv(1024)
    conn.sendall(data)
    conn.close()


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, _addr = s.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
