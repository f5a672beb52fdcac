"""Bad http.static: no Content-Length; the body ends when the server closes the connection.

Bug: the student leaves out Content-Length ("the browser finds the end anyway") and
closes the connection after every response, which is how such a body ends.  That is
legal HTTP, and a browser shows every page, but the client cannot tell a complete
download from one cut short (a 64 MiB file that stops at 10 MiB looks finished), and the
connection can never be reused.  The seed's example response ('Request/Response Cycle')
has a Content-length.
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length).
Must fail: every requirement that receives a file, whose Content-Length the suite checks
(get-file, percent-decode, index-html[directory] and [nested], http-versions, large-file,
concurrent-clients, and malformed-request and no-escape through their "still serving"
request for page.html), and keep-alive (the connection closes after each response).
Errors (404, 501), a redirect and HEAD (whose headers match GET's) pass.
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
    headers = {"Content-Type": "text/html"}
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
    with open(filename, "rb") as f:
        send_response(conn, 200, {"Content-Type": ctype}, keep_alive=keep_alive)  # BUG
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
            keep_alive = False  # no Content-Length: the end of the body is the close
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
