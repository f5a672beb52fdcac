"""Bad wsgi.server: a HEAD request gets the app's body after the headers.

Bug: the student fixed wsgiref's framing but did not think of HEAD: whether a response has
a body depends on the status only (not for 204 and 304), not on the method.  WSGI apps
usually answer HEAD like GET (PEP 3333 leaves dropping the body to the server), so the
whole body follows the headers.  A client that sent HEAD reads no body: on a kept-alive
connection it takes those bytes for the start of the next response.
The rest is wsgiref (CPython 3.11) with its known faults fixed: a bounded,
dechunked wsgi.input, deferred headers, chunked or closed framing, keep-alive, 500s.
Seed: 000 'WSGI Deployment' (make_server), with socketserver.ThreadingMixIn.
Must fail: wsgi.server/head.  Everything else passes.
"""

from __future__ import annotations

import io
import re
import socketserver
import sys
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

CONNECTION_TIMEOUT = 60.0  # seconds: an idle keep-alive connection, or a stalled client, is dropped
DIGITS = re.compile(r"[ \t]*[0-9]{1,18}[ \t]*")
CHUNK_SIZE_LINE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(;.*)?\r?\n")


class ClientDisconnected(ConnectionAbortedError):
    """The client went away before the end of the request body."""


class RequestBody(io.RawIOBase):
    """The request body, and nothing past it, as a raw stream over the connection's reader.

    wsgiref gives the app the connection itself: ``read()`` waits for the client to close,
    and bytes of the next (pipelined) request could be read as body.  This stops at
    Content-Length, or decodes ``Transfer-Encoding: chunked`` (wsgiref passes its framing to
    the app).  Wrapped in ``io.BufferedReader`` it has read(n), read(), readline(), iteration.
    """

    def __init__(self, rfile: io.BufferedIOBase, length: int | None) -> None:
        self.rfile = rfile
        self.chunked = length is None  # None: chunked; the size of the current chunk follows
        self.left = 0 if self.chunked else length  # bytes left in the body, or in this chunk
        self.done = length == 0
        self.broken = False  # a malformed or cut-short body: the connection cannot be reused

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            return self._readinto(buffer)
        except Exception:
            self.broken = self.done = True
            raise

    def _readinto(self, buffer: Any) -> int:
        if self.done:
            return 0
        if self.chunked and self.left == 0:
            self.left = self._next_chunk_size()
            if self.left == 0:
                self._skip_trailers()
                self.done = True
                return 0
        data = self.rfile.read1(min(len(buffer), self.left))  # what is there, at least 1 byte
        if not data:
            raise ClientDisconnected("connection closed in the middle of the request body")
        buffer[: len(data)] = data
        self.left -= len(data)
        if self.left == 0:
            if not self.chunked:
                self.done = True
            elif self.rfile.readline(3).strip():  # the CRLF after the chunk's data
                raise ValueError("malformed chunked request body")
        return len(data)

    def _next_chunk_size(self) -> int:
        match = CHUNK_SIZE_LINE.fullmatch(self.rfile.readline(4096))
        if not match:  # also EOF, or a line too long: never guess where the body ends
            raise ValueError("malformed chunked request body")
        return int(match.group(1), 16)

    def _skip_trailers(self) -> None:
        while self.rfile.readline(65537).strip():
            pass


class Handler(ServerHandler):
    """One response.  Framing, deferred headers and error endings are fixed here."""

    os_environ: ClassVar[dict[str, str]] = {}  # wsgiref copies os.environ into every environ
    http_version = "1.1"  # wsgiref answers "HTTP/1.0" and cannot keep a connection open
    request_handler: RequestHandler  # set by RequestHandler (wsgiref's back-pointer)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending: list[bytes] = []
        self.chunked = False
        self.length: int | None = None  # the Content-Length sent, if any
        self.complete = False

    def start_response(self, status: str, headers: list[tuple[str, str]], exc_info=None):
        # A CR or LF in a header would let the app (or what it echoes) split the response.
        for text in [status, *(part for header in headers for part in header)]:
            if "\r" in text or "\n" in text:
                raise ValueError(f"CR or LF in the status or a header: {text!r}")
        return super().start_response(status, headers, exc_info)

    def status_has_body(self) -> bool:
        code = int(self.status[:3])
        return code >= 200 and code not in (204, 304)

    def body_allowed(self) -> bool:
        return self.status_has_body()

    def cleanup_headers(self) -> None:
        # wsgiref only sets Content-Length for a one-item list; otherwise the body ends with
        # the connection (and it never keeps one open).  HTTP/1.1 clients get chunked instead.
        if self.status_has_body():  # not Content-Length: 0 on a 204 or 304
            super().cleanup_headers()
        connection = self.request_handler
        if "Content-Length" in self.headers:
            self.length = int(self.headers["Content-Length"])
        elif not self.body_allowed():
            pass
        elif self.environ["SERVER_PROTOCOL"] == "HTTP/1.1":
            self.headers["Transfer-Encoding"] = "chunked"
            self.chunked = True
        else:  # HTTP/1.0 has no chunked encoding: the body ends with the connection
            connection.close_connection = True
        if connection.close_connection:
            self.headers["Connection"] = "close"

    def write(self, data: bytes) -> None:
        # PEP 3333: headers wait for the first non-empty chunk (wsgiref sends them for b''
        # too, and writes b'' as is, which in a chunked body would be its end).
        if type(data) is not bytes:
            raise TypeError(f"the app sent {type(data).__name__}, not bytes")
        if not self.status:
            raise AssertionError("write() before start_response()")
        if not data:
            return
        if not self.headers_sent:
            self.bytes_sent = len(data)  # wsgiref's Content-Length for a one-item list
            self.send_headers()
        else:
            self.bytes_sent += len(data)
        if self.chunked:
            self._write(b"%x\r\n%b\r\n" % (len(data), data))
        elif self.body_allowed():  # 204, 304: no body, whatever the app returns
            self._write(data)
        self._flush()

    def finish_content(self) -> None:
        if not self.headers_sent:
            # wsgiref says "Content-Length: 0" to HEAD (the GET body is not empty) and 204/304.
            if self.body_allowed():
                self.headers.setdefault("Content-Length", "0")
            self.send_headers()
        elif self.chunked:
            self._write(b"0\r\n\r\n")
        self._flush()
        # A body shorter (or longer) than its Content-Length: the connection cannot be reused.
        self.complete = not self.body_allowed() or self.length in (None, self.bytes_sent)

    def handle_error(self) -> None:
        # After part of the body has gone out, wsgiref only logs: the client cannot tell the
        # response is cut short.  Here ``complete`` stays False and the connection closes,
        # a chunked body without its last chunk.  Before any header: a 500, as in wsgiref.
        if self.complete:
            # The iterable's close() raised after a complete response.  wsgiref, which has
            # reset headers_sent by then, would send a second response, a 500.
            self.log_exception(sys.exc_info())
            return
        super().handle_error()

    # Status line, headers and each chunk leave in one send (wsgiref sends each piece).
    def _write(self, data: bytes) -> None:
        self.pending.append(data)

    def _flush(self) -> None:
        if self.pending:
            self.stdout.write(b"".join(self.pending))
            self.pending.clear()


class RequestHandler(WSGIRequestHandler):
    protocol_version = "HTTP/1.1"  # parse_request() then keeps 1.1 connections open
    default_request_version = "HTTP/1.0"  # a 400 for a malformed request line gets a status line
    timeout = CONNECTION_TIMEOUT
    disable_nagle_algorithm = True  # each response goes out in as few sends as it can

    # wsgiref serves one request per connection; BaseHTTPRequestHandler's handle() loops
    # while the connection stays open (keep-alive, pipelining).
    handle = BaseHTTPRequestHandler.handle

    def handle_one_request(self) -> None:
        try:
            self.raw_requestline = self.rfile.readline(65537)
            if self.raw_requestline in (b"\r\n", b"\n"):  # RFC 9112 2.2: ignore a blank line
                self.raw_requestline = self.rfile.readline(65537)
            if len(self.raw_requestline) > 65536:
                self.requestline = self.request_version = self.command = ""
                self.send_error(414)
                return
            if not self.raw_requestline or not self.parse_request():
                self.close_connection = True  # EOF, or a 400 was sent: the stream is lost
                return
            body = self.request_body()
            if body is None:
                return
            if self.request_version != "HTTP/1.1":
                self.close_connection = True  # HTTP/1.0: one request, and the response says so
            environ = self.get_environ()
            handler = Handler(io.BufferedReader(body), self.wfile, self.get_stderr(), environ)
            handler.request_handler = self
            handler.run(self.server.get_app())
            if not handler.complete or body.broken:
                self.close_connection = True
            elif not self.close_connection:
                while body.read(65536):  # what the app left unread, to reach the next request
                    pass
        except Exception:  # timeout, reset, a malformed body: drop the connection
            self.close_connection = True

    def request_body(self) -> RequestBody | None:
        """wsgi.input for this request, or None after an error response."""
        coding = self.headers.get("Transfer-Encoding")
        length = self.headers.get("Content-Length")
        if coding is not None:
            if coding.strip().lower() != "chunked":
                self.send_error(501, "Transfer-Encoding other than chunked")
                return None
            if length is not None:
                self.close_connection = True  # RFC 9112 6.1: both is suspect; do not reuse
            return RequestBody(self.rfile, None)
        if length is None:
            return RequestBody(self.rfile, 0)
        if len(self.headers.get_all("Content-Length")) > 1 or not DIGITS.fullmatch(length):
            self.send_error(400, "Bad Content-Length")
            return None
        return RequestBody(self.rfile, int(length))

    def get_environ(self) -> dict[str, Any]:
        env = super().get_environ()
        # wsgiref invents "text/plain" and "" for a request without them.
        if "Content-Type" not in self.headers:
            del env["CONTENT_TYPE"]
        if "Content-Length" not in self.headers or "Transfer-Encoding" in self.headers:
            env.pop("CONTENT_LENGTH", None)
        return env

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        self.close_connection = True  # it says "Connection: close"; now it is so
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one stderr line per request; app errors still go to wsgi.errors


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    # wsgiref's server handles one connection at a time: a slow app, or one idle
    # keep-alive connection, would hold up every other client.
    daemon_threads = True
    request_queue_size = 128


def serve(host: str, port: int, app: Callable[..., Any]) -> None:
    with ThreadingWSGIServer((host, port), RequestHandler) as server:
        server.set_app(app)
        server.serve_forever()
