"""Bad http.static: every file is sent as ``Content-Type: text/html``.

Bug: the header is a constant, copied from the seed's example response
("Content-type: text/html").  HTML pages are right; a PNG, a .bin download and a .txt
file are all labelled HTML, so a browser renders the text file as HTML (its lines run
together) and the binary as garbage instead of offering a download.
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length).  000 'Request/Response
Cycle' shows "Content-type: text/html" in its example response.
Must fail: http.static/get-file[png], [binary] and [text].  HEAD sends the same (wrong)
header as GET, which is all the head requirement compares.
"""

import os
import socket
import threading
from urllib.parse import unquote

REASONS = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 404: "Not Found",
           501: "Not Implemented"}


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
        send_error(conn, 404, keep_alive, head)
        return
    if os.path.isdir(filename):
        if not path.endswith("/"):
            send_error(conn, 301, keep_alive, head, {"Location": target.split("?")[0] + "/"})
            return
        filename = os.path.join(filename, "index.html")
    if not os.path.isfile(filename):
        send_error(conn, 404, keep_alive, head)
        return
    ctype = "text/html"  # BUG: whatever the file is
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
