"""Bad http.static: a rate limiter that sends one byte every 0.1 s.

Bug: to stop one download from hogging the line, every response goes out through
``throttled_send()``: a piece of ``RATE_KIB // 10`` per tenth of a second.  The limit was
meant as 10 KiB/s, but the piece size is computed in KiB and used as bytes: 10 // 10 = 1
byte per 0.1 s, 10 bytes per second.  Every response is right, and takes forever: the
status line alone takes 1.7 s, page.html, 157 bytes, about 24 s with its head.  (A "slow loris"
server: the client, not the server, has to give up.)
Seed: 000 'A Simple Web Server' (serving files from a directory) rewritten on raw sockets
with 000 'Threaded Server' (one thread per client), 'HTTP Protocol' (methods, status
codes) and 'Content Encoding' (Content-type, Content-length); 000 'Sending All Data'
(sendall()).
Must fail: every requirement: no response arrives within the suite's deadlines.
"""

import mimetypes
import os
import socket
import threading
import time
from urllib.parse import unquote

REASONS = {200: "OK", 301: "Moved Permanently", 400: "Bad Request", 404: "Not Found",
           501: "Not Implemented"}


RATE_KIB = 10  # KiB per second for each client


def throttled_send(conn, data):
    piece = RATE_KIB // 10  # BUG: KiB per tenth of a second, used as bytes: 1 byte
    for i in range(0, len(data), piece):
        conn.sendall(data[i:i + piece])
        time.sleep(0.1)


def send_response(conn, status, headers, body=b"", keep_alive=False):
    lines = [f"HTTP/1.1 {status} {REASONS[status]}"]
    for name, value in headers.items():
        lines.append(f"{name}: {value}")
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    throttled_send(conn, ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


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
    with open(filename, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        send_response(conn, 200, {"Content-Type": ctype, "Content-Length": size},
                      keep_alive=keep_alive)
        if not head:
            while chunk := f.read(65536):
                throttled_send(conn, chunk)


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
