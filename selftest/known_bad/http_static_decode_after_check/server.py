"""Bad http.static: refuses ".." in the raw request target, then percent-decodes it.

Bug: the check and the use see different strings.  ``if ".." in path`` runs on the target
as it arrived, and ``unquote()`` runs after it: "/%2e%2e/outside/secret.txt" has no ".."
when it is checked and has one when it is opened, so the secret file beside the root is
served.  Literal ".." is refused (403), which is all the student tried.
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length).
Must fail: http.static/no-escape[encoded-dotdot] and [encoded-mixed].  "..%2f" still
contains a literal "..", and "%252e" decodes once to the harmless "%2e": both are refused.
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
    path = target.split("?")[0]
    if ".." in path:  # nobody gets out of the root
        send_error(conn, 403, keep_alive, head)
        return
    path = unquote(path)  # BUG: decoded after the check: %2e%2e becomes ".." only now
    if "\0" in path:  # open() raises ValueError on a NUL byte
        send_error(conn, 400, keep_alive, head)
        return
    filename = os.path.join(root, path.lstrip("/"))
    if os.path.isdir(filename):
        if not path.endswith("/"):
            send_error(conn, 301, keep_alive, head, {"Location": target.split("?")[0] + "/"})
            return
        filename = os.path.join(filename, "index.html")
    if not os.path.isfile(filename):
        send_error(conn, 404, keep_alive, head)
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
