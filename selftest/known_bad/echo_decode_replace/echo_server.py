"""Bad tcp.echo: echoes text, not bytes (decode with errors="replace", then encode).

Bug: the handler turns every recv() into str and back.  Strict decoding crashed on
non-UTF-8 input, so errors="replace" was added: each invalid byte (0x80-0xff on its own,
or a UTF-8 sequence cut in two by a recv boundary) becomes U+FFFD, three bytes 'EF BF BD'.
Seed: 000 "TCP Server" (msg.encode() / decode() around send and recv).
Must fail: tcp.echo/all-byte-values (all schedules: bytes 128-255 come back as EF BF BD) and
tcp.echo/large-payload (random bytes are mostly invalid UTF-8).  Every other case sends
ASCII and passes.
"""

import socket
import threading


def handle(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                break
            text = data.decode("utf-8", errors="replace")
            conn.sendall(text.encode("utf-8"))


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    while True:
        conn, _addr = s.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
