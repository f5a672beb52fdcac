"""Bad http.static: sends text files as str, with Content-Length = len(str).

Bug: text/* files are opened in text mode ("so the HTML is a string I can print"), and
the response is built from the str: ``Content-Length: len(text)``, body ``text.encode()``.
len() counts characters; the body is UTF-8 bytes.  A character outside ASCII is two to
four bytes, so the announced length is short: "café.txt" (38 bytes, 37 characters) is
announced as 37, and the client stops one byte early, leaving the last byte to be taken
as the start of the next response.  Every other text file of the suite is ASCII, and
images and binaries are opened with "rb", so only the non-ASCII file shows it.
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length).
Must fail: http.static/percent-decode[non-ascii] (the only non-ASCII text file; its name
is decoded correctly).  Everything else passes.
"""

import mimetypes
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
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if ctype.startswith("text/"):
        with open(filename, encoding="utf-8") as f:
            text = f.read()
        headers = {"Content-Type": ctype, "Content-Length": len(text)}  # BUG: characters
        send_response(conn, 200, headers, b"" if head else text.encode(), keep_alive)
        return
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
