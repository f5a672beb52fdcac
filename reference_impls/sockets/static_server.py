"""http.static on raw sockets: what ``SimpleHTTPRequestHandler`` does, written out.

One thread per connection, as in the seed's "Threaded Server".  Each thread reads requests
from its connection one after the other (HTTP/1.1 keep-alive), so it parses the request
itself: the request line, then header lines up to an empty line (RFC 9112 sections 2-5).

Answers:

- 200 with the file's bytes for GET, the same headers and no body for HEAD;
- 301 to the same path with a slash added, for a directory asked for without one (relative
  links in its index.html resolve against the URL, so it has to end with "/");
- index.html for a directory, 404 when it has none (no listings) or the file is missing;
- 400 for a malformed request line, header or path, or an HTTP/1.1 request without Host;
  414 for a request line longer than 8 KiB, 431 for a header block larger than 64 KiB;
- 405 with ``Allow: GET, HEAD`` for a method HTTP defines but a file server does not do
  (POST, PUT, DELETE, ...), 501 for a method it does not know at all (RFC 9110 15.5.6 and
  15.6.2: 405 says "not on this resource", 501 "not by this server");
- 505 for a well-formed version other than HTTP/1.x.

Paths: the request target's path is percent-decoded to bytes, then decoded as UTF-8, and
joined to the root.  ``os.path.realpath()`` then resolves every "..", "." and symbolic link;
what does not resolve to the root or below it is answered 404, like a missing file.  Checking
the resolved path, not the text, is what catches every spelling of an escape: "..", "%2e%2e",
"..%2f", absolute paths, a symlink that points outside.

Files are sent in 64 KiB pieces with ``sendall()``: a 64 MiB file never sits in memory.  (The
kernel can copy straight from the file with ``socket.sendfile()``; the loop shows the idea.)

Connections: HTTP/1.1 stays open until the client sends ``Connection: close``; HTTP/1.0 closes
after the response unless the client asked ``Connection: keep-alive``.  After a malformed
request the connection is closed: the server cannot tell where the next request would start.
Nor can it after a request with a body (a POST, a GET with Content-Length), since it reads no
bodies: it answers, then closes.  A connection silent for IDLE_TIMEOUT is closed, so idle
clients do not pin threads; a slow client holds one thread, and no more.
"""

from __future__ import annotations

import email.utils
import mimetypes
import os
import re
import socket
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from typing import BinaryIO

from listener import listen

IDLE_TIMEOUT = 60.0  # seconds a connection may stay silent, or leave a piece of file unread
MAX_REQUEST_LINE = 8 * 1024
MAX_HEADER_BLOCK = 64 * 1024
CHUNK = 64 * 1024
LINGER = 2.0  # seconds to wait for the client's EOF after the server's, see close_gently()

SUPPORTED = ("GET", "HEAD")
# Every other method HTTP defines (RFC 9110 section 9, RFC 5789): known, so 405, not 501.
KNOWN = frozenset({"POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"})

TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 5.6.2: method, field name
VERSION = re.compile(r"HTTP/(\d)\.(\d)")  # RFC 9112 2.3: exactly one digit each


class BadRequest(Exception):
    """The request cannot be answered: reply with this status, then close the connection."""

    def __init__(self, status: HTTPStatus, detail: str = "") -> None:
        super().__init__(detail or status.phrase)
        self.status = status
        self.detail = detail


@dataclass
class Request:
    method: str
    target: str
    version: tuple[int, int]
    headers: dict[str, str]  # lower-case name -> value (repeats joined with ", ")

    def keep_alive(self) -> bool:
        tokens = {t.strip().lower() for t in self.headers.get("connection", "").split(",")}
        if "close" in tokens:
            return False
        if self.version >= (1, 1):
            return True
        return "keep-alive" in tokens  # HTTP/1.0 closes unless asked not to

    def has_body(self) -> bool:
        length = self.headers.get("content-length", "0").strip()
        return "transfer-encoding" in self.headers or length != "0"


def serve(host: str, port: int, root: str) -> None:
    root = os.path.realpath(root)  # resolved once: every file must resolve to below it
    server = listen(host, port)
    while True:
        conn, _addr = server.accept()
        threading.Thread(target=handle_connection, args=(conn, root), daemon=True).start()


def handle_connection(conn: socket.socket, root: str) -> None:
    conn.settimeout(IDLE_TIMEOUT)
    with conn:
        try:
            if serve_requests(conn, root):
                close_gently(conn)
        except (TimeoutError, ConnectionError):
            pass  # an idle or vanished client; its connection is over, the server is not
        except OSError as error:
            print(f"connection error: {error}", file=sys.stderr)


def serve_requests(conn: socket.socket, root: str) -> bool:
    """Answer requests until one ends the connection; True when the server ends it."""
    # A buffered reader: readline() for the head, and the bytes of a pipelined next request
    # stay buffered for the next round.
    with conn.makefile("rb") as rfile:
        while True:
            try:
                request = read_request(rfile)
            except BadRequest as error:
                send_status(conn, error.status, error.detail, head_only=False)
                return True
            if request is None:  # the client closed between requests
                return False
            if not respond(conn, request, root):
                return True


def close_gently(conn: socket.socket) -> None:
    """Closing with unread bytes in the socket makes the kernel send a reset, and a reset can
    destroy the response before the client has read it (a 431 to a client still sending
    its headers, say).  So: FIN first, then read and drop what still comes, for a while."""
    conn.shutdown(socket.SHUT_WR)
    deadline = time.monotonic() + LINGER
    while (remaining := deadline - time.monotonic()) > 0:
        conn.settimeout(remaining)
        if not conn.recv(CHUNK):  # the client read the response and closed too
            break


def read_request(rfile: BinaryIO) -> Request | None:
    """Read one request head; None when the connection ends cleanly before one starts."""
    line = rfile.readline(MAX_REQUEST_LINE + 1)
    if line in (b"\r\n", b"\n"):  # RFC 9112 2.2: ignore an empty line before a request
        line = rfile.readline(MAX_REQUEST_LINE + 1)
    if not line:
        return None
    if len(line) > MAX_REQUEST_LINE:
        raise BadRequest(HTTPStatus.REQUEST_URI_TOO_LONG)
    if not line.endswith(b"\n"):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "the connection ended inside the request")
    method, target, version = parse_request_line(line)

    headers: dict[str, str] = {}
    budget = MAX_HEADER_BLOCK
    while True:
        line = rfile.readline(budget + 1)
        budget -= len(line)
        if budget < 0:
            raise BadRequest(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
        if not line.endswith(b"\n"):
            raise BadRequest(HTTPStatus.BAD_REQUEST, "the connection ended inside the headers")
        if line in (b"\r\n", b"\n"):
            break
        name, value = parse_header_line(line)
        if name == "host" and "host" in headers:  # RFC 9112 3.2: exactly one Host
            raise BadRequest(HTTPStatus.BAD_REQUEST, "more than one Host header")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value

    if version >= (1, 1) and "host" not in headers:  # RFC 9112 3.2: a MUST for the server
        raise BadRequest(HTTPStatus.BAD_REQUEST, "an HTTP/1.1 request needs a Host header")
    return Request(method, target, version, headers)


def parse_request_line(line: bytes) -> tuple[str, str, tuple[int, int]]:
    # latin-1 decodes any byte; what is not allowed is refused below.
    words = line.rstrip(b"\r\n").decode("latin-1").split(" ")
    if len(words) != 3:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "the request line is not METHOD TARGET VERSION")
    method, target, version = words
    if not TOKEN.fullmatch(method):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed method")
    if not target or any(c <= " " or c == "\x7f" for c in target):
        raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed request target")
    match = VERSION.fullmatch(version)
    if not match:
        raise BadRequest(HTTPStatus.BAD_REQUEST, f"malformed version {version!r}")
    major, minor = int(match[1]), int(match[2])
    if major != 1:
        raise BadRequest(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED)
    return method, target, (major, minor)


def parse_header_line(line: bytes) -> tuple[str, str]:
    text = line.rstrip(b"\r\n").decode("latin-1")
    if text[:1] in (" ", "\t"):  # obsolete line folding: RFC 9112 5.2 allows refusing it
        raise BadRequest(HTTPStatus.BAD_REQUEST, "folded header line")
    name, colon, value = text.partition(":")
    if not colon or not TOKEN.fullmatch(name):  # "Name :" too: RFC 9112 5.1 says refuse it
        raise BadRequest(HTTPStatus.BAD_REQUEST, f"malformed header line {text[:40]!r}")
    if any(c in value for c in "\r\n\x00"):  # RFC 9110 5.5: refuse, never pass them on
        raise BadRequest(HTTPStatus.BAD_REQUEST, "control character in a header value")
    return name.lower(), value.strip(" \t")


def respond(conn: socket.socket, request: Request, root: str) -> bool:
    """Answer one request; True when the connection stays open for the next one."""
    # A body this server does not read would be taken for the next request: close after it.
    keep_alive = request.keep_alive() and not request.has_body()
    head_only = request.method == "HEAD"
    if request.method not in SUPPORTED:
        known = request.method in KNOWN
        status = HTTPStatus.METHOD_NOT_ALLOWED if known else HTTPStatus.NOT_IMPLEMENTED
        send_status(conn, status, head_only=False, keep_alive=keep_alive)
        return keep_alive
    try:
        raw_path, query, url_path = split_target(request.target)
    except BadRequest as error:
        send_status(conn, error.status, error.detail, head_only=head_only)
        return False
    path = resolve(root, url_path)
    if path is None:
        send_status(conn, HTTPStatus.NOT_FOUND, head_only=head_only, keep_alive=keep_alive)
        return keep_alive
    if os.path.isdir(path):
        if not url_path.endswith("/"):
            # The client's own spelling of the path (still percent-encoded), with one leading
            # "/": "//host/" in a Location would send the client to another host.
            location = "/" + raw_path.lstrip("/") + "/" + (f"?{query}" if query else "")
            send_status(
                conn,
                HTTPStatus.MOVED_PERMANENTLY,
                head_only=head_only,
                keep_alive=keep_alive,
                extra={"Location": location},
            )
            return keep_alive
        path = os.path.join(path, "index.html")
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError:  # missing, a directory without index.html, unreadable
        send_status(conn, HTTPStatus.NOT_FOUND, head_only=head_only, keep_alive=keep_alive)
        return keep_alive
    with file:
        stat = os.fstat(file.fileno())
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        send_head(
            conn,
            HTTPStatus.OK,
            {
                "Content-Type": content_type,
                "Content-Length": str(stat.st_size),
                "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True),
            },
            keep_alive,
        )
        if not head_only:
            while chunk := file.read(CHUNK):
                conn.sendall(chunk)
    return keep_alive


def split_target(target: str) -> tuple[str, str, str]:
    """(raw path, query, decoded path) of an origin-form ("/a%20b?q") or absolute-form target."""
    if target.startswith("/"):
        raw_path, _, query = target.partition("?")
    elif target.lower().startswith(("http://", "https://")):  # RFC 9112 3.2.2: accept it
        parts = urllib.parse.urlsplit(target)
        raw_path, query = parts.path or "/", parts.query
    else:  # "*" (OPTIONS only) or an authority (CONNECT only): not for GET or HEAD
        raise BadRequest(HTTPStatus.BAD_REQUEST, "malformed request target")
    try:
        # The target was decoded as latin-1: encoding it back gives the bytes as sent.
        path = urllib.parse.unquote_to_bytes(raw_path.encode("latin-1")).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(HTTPStatus.BAD_REQUEST, "the path is not UTF-8") from None
    if "\x00" in path:  # no file name holds one; open() would raise ValueError
        raise BadRequest(HTTPStatus.BAD_REQUEST, "NUL byte in the path")
    return raw_path, query, path


def resolve(root: str, url_path: str) -> str | None:
    """The file system path for url_path, or None when it resolves outside root."""
    # lstrip: os.path.join() would throw root away for an absolute second argument.
    path = os.path.realpath(os.path.join(root, url_path.lstrip("/")))
    if os.path.commonpath([root, path]) != root:
        return None
    return path


def send_head(
    conn: socket.socket,
    status: HTTPStatus,
    headers: dict[str, str],
    keep_alive: bool,
) -> None:
    lines = [f"HTTP/1.1 {status.value} {status.phrase}"]
    lines.append(f"Date: {email.utils.formatdate(usegmt=True)}")  # RFC 9110 6.6.1
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


def send_status(
    conn: socket.socket,
    status: HTTPStatus,
    detail: str = "",
    *,
    head_only: bool,
    keep_alive: bool = False,
    extra: dict[str, str] | None = None,
) -> None:
    """A response whose body is a line of text about its status: errors and redirects."""
    text = f"{status.value} {status.phrase}\n" + (f"{detail}\n" if detail else "")
    body = text.encode()
    headers = {"Content-Type": "text/plain; charset=utf-8", "Content-Length": str(len(body))}
    if status is HTTPStatus.METHOD_NOT_ALLOWED:
        headers["Allow"] = ", ".join(SUPPORTED)  # RFC 9110 15.5.6: a MUST with 405
    headers.update(extra or {})
    send_head(conn, status, headers, keep_alive)
    if not head_only:
        conn.sendall(body)
