"""Bad http.static: a missing file gets a "File not found" page with status 200.

Bug: the student puts the error in the page and not in the status line: when ``open()``
fails, the server sends ``HTTP/1.1 200 OK`` and an HTML page that says "404 File not
found".  A browser shows the right words; a program (a link checker, a cache, ``curl
-f``) sees success.  Paths outside the root are still refused with 403.
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length).  'HTTP Protocol' lists
"404 Not Found" among the status codes.
Must fail: http.static/not-found[missing-file] and [missing-dir].  A directory without
index.html gets the same 200 page, which the suite accepts (a listing is 200 too).
"""

import mimetypes
import os
import socket
import threading
from urllib.parse import unquote

REASONS = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden",
           404: "Not Found", 501: "Not Implemented"}


def send_response(conn, status, headers, body=b"", keep_alive=False):
    lines = [f"HTTP/1.1 {status} {REASONS[status]}"]
    for name, value in headers.items():
        lines.append(f"{name}: {value}")
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


def send_error(conn, status, keep_alive=False, head=False, extra=None):
    body = f"<h1>{status} {REASONS[status]}</h1>\n".encode()
    headers = {"Content-Type": "text/html", "Content-Length": len(body)}
    headers.update(extra or {})
    send_response(conn, status, headers, b"" if head else body, keep_alive)


def handle_request(conn, root, method, target, keep_alive):
    head = method == "HEAD"
    if method not in ("GET", "HEAD"):
        send_error(conn, 501, keep_alive)
        return
    path = unquote(target.split("?")[0])
    if "\0" in path:  # open() raises ValueError on a NUL byte
        send_error(conn, 400, keep_alive, head)
        return
    filename = os.path.realpath(os.path.join(root, path.lstrip("/")))
    if filename != root and not filename.startswith(root + os.sep):
        send_error(conn, 403, keep_alive, head)
        return
    if os.path.isdir(filename):
        if not path.endswith("/"):
            send_error(conn, 301, keep_alive, head, {"Location": target.split("?")[0] + "/"})
            return
        filename = os.path.join(filename, "index.html")
    if not os.path.isfile(filename):
        page = b"<html><body><h1>404 File not found</h1></body></html>\n"
        headers = {"Content-Type": "text/html", "Content-Length": len(page)}
        send_response(conn, 200, headers, b"" if head else page, keep_alive)  # BUG: 200
        return
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with open(filename, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        send_response(conn, 200, {"Content-Type": ctype, "Content-Length": size},
                      keep_alive=keep_alive)
        if not head:
            while chunk := f.read(65536):
                conn.sendall(chunk)


def handle_client(conn, root):
    with conn, conn.makefile("rb") as rfile:
        while True:
            line = rfile.readline()
            if not line:
                return
            headers = {}
            while (h := rfile.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = h.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            parts = line.decode("latin-1").split()
            if len(parts) != 3 or parts[2] not in ("HTTP/1.0", "HTTP/1.1"):
                send_error(conn, 400)
                return
            method, target, version = parts
            keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
            handle_request(conn, root, method, target, keep_alive)
            if not keep_alive:
                return


def client_thread(conn, root):
    try:
        handle_client(conn, root)
    except (ConnectionError, BrokenPipeError):
        pass  # the client went away


def serve(host, port, root):
    root = os.path.realpath(root)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(5)
    while True:
        conn, addr = s.accept()
        threading.Thread(target=client_thread, args=(conn, root), daemon=True).start()
