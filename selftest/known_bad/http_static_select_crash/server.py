"""Bad http.static: a select() loop that dies of a request line it cannot unpack.

Bug: the request line is taken apart with ``method, target, version = line.split()``,
outside any try.  A line of one word or of five raises ValueError ("not enough values to
unpack", "too many values to unpack").  In a thread per client that would kill one
thread; here every client is served by the one loop, so the exception ends ``serve()``,
and the whole server with it.  The version is checked (a well-formed line with a bad
version gets 400); the number of words is not.
Seed: 000 'Asynchronous Server' (``select.select()`` over the listening socket and the
clients) serving 000 'A Simple Web Server''s files, with 'Non-blocking Sockets' and
'Partial Reads/Writes' (a file goes out piece by piece as the socket becomes writable).
Must fail: http.static/malformed-request[one-word] and [extra-words] (the server dies).
"""

import mimetypes
import os
import select
import socket
from urllib.parse import unquote

REASONS = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 404: "Not Found",
           501: "Not Implemented"}


class Client:
    def __init__(self, conn):
        self.conn = conn
        self.inbuf = b""
        self.outbuf = b""
        self.file = None  # a file still being sent
        self.close_when_done = False


def head_bytes(status, headers, keep_alive):
    lines = [f"HTTP/1.1 {status} {REASONS[status]}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def error(client, status, keep_alive, head=False, extra=None):
    body = f"<h1>{status} {REASONS[status]}</h1>\n".encode()
    headers = {"Content-Type": "text/html", "Content-Length": len(body)}
    headers.update(extra or {})
    client.outbuf += head_bytes(status, headers, keep_alive) + (b"" if head else body)
    client.close_when_done = not keep_alive


def handle_request(client, request, root):
    lines = request.decode("latin-1").split("\r\n")
    method, target, version = lines[0].split()  # BUG: ValueError unless three words
    if version not in ("HTTP/1.0", "HTTP/1.1"):
        error(client, 400, False)
        return
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
    head = method == "HEAD"
    if method not in ("GET", "HEAD"):
        error(client, 501, keep_alive)
        return
    path = unquote(target.split("?")[0])
    if "\0" in path:
        error(client, 400, keep_alive, head)
        return
    filename = os.path.realpath(os.path.join(root, path.lstrip("/")))
    if filename != root and not filename.startswith(root + os.sep):
        error(client, 404, keep_alive, head)
        return
    if os.path.isdir(filename):
        if not path.endswith("/"):
            error(client, 301, keep_alive, head, {"Location": target.split("?")[0] + "/"})
            return
        filename = os.path.join(filename, "index.html")
    if not os.path.isfile(filename):
        error(client, 404, keep_alive, head)
        return
    f = open(filename, "rb")
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    size = os.fstat(f.fileno()).st_size
    client.outbuf += head_bytes(200, {"Content-Type": ctype, "Content-Length": size}, keep_alive)
    client.close_when_done = not keep_alive
    if head:
        f.close()
    else:
        client.file = f


def serve(host, port, root):
    root = os.path.realpath(root)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(5)
    s.setblocking(False)
    clients = {}

    def drop(c):
        client = clients.pop(c)
        if client.file:
            client.file.close()
        c.close()

    while True:
        writers = [c for c, cl in clients.items() if cl.outbuf or cl.file]
        readable, writable, _ = select.select([s] + list(clients), writers, [])
        for c in readable:
            if c is s:
                conn, addr = s.accept()
                conn.setblocking(False)
                clients[conn] = Client(conn)
                continue
            if c not in clients:
                continue
            try:
                data = c.recv(65536)
            except OSError:
                data = b""
            if not data:
                drop(c)
                continue
            client = clients[c]
            client.inbuf += data
            # One request at a time: the next waits until this response is out.
            while b"\r\n\r\n" in client.inbuf and not (client.outbuf or client.file):
                request, client.inbuf = client.inbuf.split(b"\r\n\r\n", 1)
                handle_request(client, request, root)
        for c in writable:
            client = clients.get(c)
            if client is None:
                continue
            if not client.outbuf and client.file:
                client.outbuf = client.file.read(65536)
                if not client.outbuf:
                    client.file.close()
                    client.file = None
            if client.outbuf:
                try:
                    sent = c.send(client.outbuf)
                except BlockingIOError:
                    continue
                except OSError:
                    drop(c)
                    continue
                client.outbuf = client.outbuf[sent:]
            if not client.outbuf and not client.file:
                if client.close_when_done:
                    drop(c)
                elif b"\r\n\r\n" in client.inbuf:
                    request, client.inbuf = client.inbuf.split(b"\r\n\r\n", 1)
                    handle_request(client, request, root)
