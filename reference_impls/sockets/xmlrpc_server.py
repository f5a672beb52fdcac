"""xmlrpc.server on ``socketserver.ThreadingTCPServer``, parsing HTTP/1.1 itself.

XML-RPC is an HTTP POST whose body is a ``<methodCall>`` and whose answer is a 200 with a
``<methodResponse>``.  ``xmlrpc.server.SimpleXMLRPCDispatcher`` does the XML-RPC part: its
``_marshaled_dispatch(body)`` parses the call, runs the function and returns the response's
bytes, a Fault for anything that goes wrong (malformed XML, unknown method, wrong argument
count, an exception in the function, a result XML-RPC cannot carry such as 2**31).  The HTTP
part is written out here, one thread per connection (``ThreadingTCPServer``), so a client
that holds a request half-sent holds its own thread and nobody else's.

Each connection: read a request line, then header lines up to an empty line (RFC 9112
sections 2-5), then the body (Content-Length, or chunked), answer, and read the next request
(HTTP/1.1 keep-alive; HTTP/1.0 only when it asks for it).  Answers:

- 200 ``text/xml`` with the dispatcher's response, for a POST to "/" or "/RPC2";
- 404 for a POST to any other path (after reading its body, so the connection stays usable);
- 405 with ``Allow: POST`` for GET, HEAD and the other methods HTTP defines, 501 for a method
  it does not know (RFC 9110 15.5.6 and 15.6.2);
- 400 for a malformed request line, header, Content-Length or chunk, or an HTTP/1.1 request
  without Host; 414 for a request line above 8 KiB, 431 for a header block above 64 KiB;
- 411 for a POST with neither Content-Length nor chunked framing; 413 for a body above
  MAX_BODY (refused from its Content-Length, before reading it); 415 for a Content-Encoding
  other than identity and gzip; 417 for an Expect other than 100-continue; 505 for HTTP/2+.

After an error the connection is closed: the server cannot tell where the next request would
start.  A client that disconnects mid-body gets nothing, and nothing is dispatched: a prefix of
a body may itself be a well-formed call.
"""

from __future__ import annotations

import re
import socket
import socketserver
import sys
import time
import urllib.parse
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import BinaryIO
from xmlrpc.client import dumps
from xmlrpc.server import SimpleXMLRPCDispatcher

IDLE_TIMEOUT = 60.0  # seconds a connection may stay silent, between or inside requests
MAX_REQUEST_LINE = 8 * 1024
MAX_HEADER_BLOCK = 64 * 1024
MAX_BODY = 64 * 1024 * 1024  # bytes, after chunked decoding and after gzip decoding
LINGER = 2.0  # seconds to wait for the client's EOF after the server's, see close_gently()
RPC_PATHS = frozenset({"/", "/RPC2"})

# Every method HTTP defines (RFC 9110 section 9, RFC 5789) but POST: known, so 405, not 501.
KNOWN = frozenset({"GET", "HEAD", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"})

TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 5.6.2: method, field name
VERSION = re.compile(r"HTTP/(\d)\.(\d)")  # RFC 9112 2.3: exactly one digit each
DIGITS = re.compile(r"[0-9]{1,18}")
CHUNK_SIZE_LINE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(;[^\r\n]*)?\r?\n")


class HTTPError(Exception):
    """The request cannot be answered: reply with this status, then close the connection."""

    def __init__(self, status: HTTPStatus, detail: str = "") -> None:
        super().__init__(detail or status.phrase)
        self.status = status
        self.detail = detail


class ClientGone(Exception):
    """The connection ended inside a request: there is nobody to answer."""


@dataclass
class Request:
    method: str
    target: str
    version: tuple[int, int]
    headers: dict[str, list[str]]  # lower-case name -> every value, in order

    def header(self, name: str) -> str | None:
        values = self.headers.get(name)
        return ", ".join(values) if values is not None else None

    def tokens(self, name: str) -> set[str]:
        return {t.strip().lower() for t in (self.header(name) or "").split(",")} - {""}

    def keep_alive(self) -> bool:
        tokens = self.tokens("connection")
        if "close" in tokens:
            return False
        return self.version >= (1, 1) or "keep-alive" in tokens  # 1.0 closes unless asked

    def has_body(self) -> bool:
        length = (self.header("content-length") or "0").strip()
        return "transfer-encoding" in self.headers or length != "0"


def add(x, y):
    return x + y


class Dispatcher(SimpleXMLRPCDispatcher):
    def system_multicall(self, call_list):
        # The stdlib marshals a multicall's results together: one result XML-RPC cannot
        # carry (add(2147483647, 1)) fails the whole multicall.  Here that call gets a fault.
        results = super().system_multicall(call_list)
        for index, result in enumerate(results):
            if isinstance(result, list):  # [value]: the call returned; a fault is a dict
                try:
                    dumps(tuple(result), methodresponse=True, allow_none=self.allow_none)
                except Exception as exc:
                    results[index] = {"faultCode": 1, "faultString": f"{type(exc)}:{exc}"}
        return results


class XMLRPCHandler(socketserver.StreamRequestHandler):
    timeout = IDLE_TIMEOUT  # StreamRequestHandler sets it on the socket
    disable_nagle_algorithm = True  # a response goes out in one or two sendall() calls
    server: XMLRPCServer

    def handle(self) -> None:
        try:
            while True:
                try:
                    request = read_request(self.rfile)
                    if request is None:  # the client closed between requests
                        return
                    if not self.respond(request):
                        close_gently(self.connection)
                        return
                except HTTPError as error:
                    self.send_status(error.status, error.detail, keep_alive=False)
                    close_gently(self.connection)
                    return
        except (ClientGone, TimeoutError, ConnectionError):
            pass  # an idle or vanished client: its connection is over, the server is not

    def respond(self, request: Request) -> bool:
        """Answer one request; True when the connection stays open for the next one."""
        if request.method != "POST":
            # A body this server does not read would be taken for the next request.
            keep_alive = request.keep_alive() and not request.has_body()
            known = request.method in KNOWN
            status = HTTPStatus.METHOD_NOT_ALLOWED if known else HTTPStatus.NOT_IMPLEMENTED
            self.send_status(status, keep_alive=keep_alive)
            return keep_alive
        body = self.read_body(request)
        keep_alive = request.keep_alive()
        if split_path(request.target) not in RPC_PATHS:
            self.send_status(HTTPStatus.NOT_FOUND, keep_alive=keep_alive)
            return keep_alive
        body = decode_content(request, body)
        response = self.server.dispatcher._marshaled_dispatch(body)  # a Fault, never raises
        self.send(HTTPStatus.OK, {"Content-Type": "text/xml"}, response, keep_alive)
        return keep_alive

    def read_body(self, request: Request) -> bytes:
        coding = request.tokens("transfer-encoding")
        lengths = request.headers.get("content-length", [])
        if coding:
            if coding != {"chunked"}:  # RFC 9112 6.1: a coding not understood is a 501
                raise HTTPError(HTTPStatus.NOT_IMPLEMENTED, "Transfer-Encoding other than chunked")
            if lengths:  # RFC 9112 6.1: both is a smuggling attempt, or a broken client
                raise HTTPError(HTTPStatus.BAD_REQUEST, "Content-Length with Transfer-Encoding")
            self.expect_continue(request)
            return read_chunked(self.rfile)
        if not lengths:
            raise HTTPError(HTTPStatus.LENGTH_REQUIRED)
        if len(set(lengths)) > 1 or not DIGITS.fullmatch(lengths[0].strip()):
            raise HTTPError(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        length = int(lengths[0])
        if length > MAX_BODY:  # refused before a byte of it is read
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the limit is {MAX_BODY} bytes")
        self.expect_continue(request)
        body = self.rfile.read(length)
        if len(body) < length:
            raise ClientGone("the connection ended inside the body")
        return body

    def expect_continue(self, request: Request) -> None:
        """RFC 9110 10.1.1: a client sending "Expect: 100-continue" may wait for a 100."""
        expect = request.header("expect")
        if expect is None or request.version < (1, 1):
            return
        if expect.strip().lower() != "100-continue":
            raise HTTPError(HTTPStatus.EXPECTATION_FAILED)
        self.connection.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def send_status(self, status: HTTPStatus, detail: str = "", *, keep_alive: bool) -> None:
        """A response whose body is a line of text about its status: the errors."""
        text = f"{status.value} {status.phrase}\n" + (f"{detail}\n" if detail else "")
        headers = {"Content-Type": "text/plain; charset=utf-8"}
        if status is HTTPStatus.METHOD_NOT_ALLOWED:
            headers["Allow"] = "POST"  # RFC 9110 15.5.6: a MUST with 405
        self.send(status, headers, text.encode(), keep_alive)

    def send(self, status: HTTPStatus, headers: dict[str, str], body: bytes, keep_alive: bool):
        lines = [f"HTTP/1.1 {status.value} {status.phrase}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        lines.append(f"Content-Length: {len(body)}")
        lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if len(body) <= 65536:
            self.connection.sendall(head + body)
        else:  # no copy of a large body just to put the head in front of it
            self.connection.sendall(head)
            self.connection.sendall(body)


class XMLRPCServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # restart at once while old connections sit in TIME_WAIT
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], dispatcher: SimpleXMLRPCDispatcher) -> None:
        self.dispatcher = dispatcher
        super().__init__(address, XMLRPCHandler)

    def handle_error(self, request, client_address) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # a reset or a timeout while writing: the client's doing, not a bug
        super().handle_error(request, client_address)


def read_request(rfile: BinaryIO) -> Request | None:
    """Read one request head; None when the connection ends cleanly before one starts."""
    line = rfile.readline(MAX_REQUEST_LINE + 1)
    if line in (b"\r\n", b"\n"):  # RFC 9112 2.2: ignore an empty line before a request
        line = rfile.readline(MAX_REQUEST_LINE + 1)
    if not line:
        return None
    if len(line) > MAX_REQUEST_LINE:
        raise HTTPError(HTTPStatus.REQUEST_URI_TOO_LONG)
    if not line.endswith(b"\n"):
        raise ClientGone("the connection ended inside the request line")
    method, target, version = parse_request_line(line)

    headers: dict[str, list[str]] = {}
    for line in field_lines(rfile, "the headers"):
        name, value = parse_header_line(line)
        headers.setdefault(name, []).append(value)

    if version >= (1, 1) and len(headers.get("host", [])) != 1:  # RFC 9112 3.2: a MUST
        raise HTTPError(HTTPStatus.BAD_REQUEST, "an HTTP/1.1 request needs one Host header")
    return Request(method, target, version, headers)


def field_lines(rfile: BinaryIO, where: str) -> Iterator[bytes]:
    """The field lines of a header (or trailer) block up to its empty line, within
    MAX_HEADER_BLOCK bytes in all."""
    budget = MAX_HEADER_BLOCK
    while True:
        line = rfile.readline(budget + 1)
        budget -= len(line)
        if budget < 0:
            raise HTTPError(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
        if not line.endswith(b"\n"):
            raise ClientGone(f"the connection ended inside {where}")
        if line in (b"\r\n", b"\n"):
            return
        yield line


def parse_request_line(line: bytes) -> tuple[str, str, tuple[int, int]]:
    # latin-1 decodes any byte; what is not allowed is refused below.
    words = line.rstrip(b"\r\n").decode("latin-1").split(" ")
    if len(words) != 3:
        raise HTTPError(HTTPStatus.BAD_REQUEST, "the request line is not METHOD TARGET VERSION")
    method, target, version = words
    if not TOKEN.fullmatch(method):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed method")
    if not target or any(c <= " " or c == "\x7f" for c in target):
        raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed request target")
    match = VERSION.fullmatch(version)
    if not match:
        raise HTTPError(HTTPStatus.BAD_REQUEST, f"malformed version {version!r}")
    major, minor = int(match[1]), int(match[2])
    if major != 1:
        raise HTTPError(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED)
    return method, target, (major, minor)


def parse_header_line(line: bytes) -> tuple[str, str]:
    text = line.rstrip(b"\r\n").decode("latin-1")
    if text[:1] in (" ", "\t"):  # obsolete line folding: RFC 9112 5.2 allows refusing it
        raise HTTPError(HTTPStatus.BAD_REQUEST, "folded header line")
    name, colon, value = text.partition(":")
    if not colon or not TOKEN.fullmatch(name):  # "Name :" too: RFC 9112 5.1 says refuse it
        raise HTTPError(HTTPStatus.BAD_REQUEST, f"malformed header line {text[:40]!r}")
    if any(c in value for c in "\r\n\x00"):  # RFC 9110 5.5: refuse, never pass them on
        raise HTTPError(HTTPStatus.BAD_REQUEST, "control character in a header value")
    return name.lower(), value.strip(" \t")


def split_path(target: str) -> str:
    """The path of an origin-form ("/RPC2?x") or absolute-form ("http://h/RPC2") target."""
    if target.lower().startswith(("http://", "https://")):  # RFC 9112 3.2.2: accept it
        return urllib.parse.urlsplit(target).path or "/"
    return target.partition("?")[0]


def read_chunked(rfile: BinaryIO) -> bytes:
    """A chunked body (RFC 9112 7.1), decoded, at most MAX_BODY bytes."""
    pieces: list[bytes] = []
    total = 0
    while True:
        line = rfile.readline(4096)
        if not line.endswith(b"\n"):
            if len(line) < 4096:
                raise ClientGone("the connection ended inside a chunk size line")
            raise HTTPError(HTTPStatus.BAD_REQUEST, "chunk size line too long")
        match = CHUNK_SIZE_LINE.fullmatch(line)
        if not match:
            raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed chunk size line")
        size = int(match[1], 16)
        if size == 0:
            break
        total += size
        if total > MAX_BODY:
            raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the limit is {MAX_BODY} bytes")
        data = rfile.read(size)
        if len(data) < size:
            raise ClientGone("the connection ended inside a chunk")
        pieces.append(data)
        end = rfile.readline(3)
        if not end:
            raise ClientGone("the connection ended after a chunk")
        if end not in (b"\r\n", b"\n"):
            raise HTTPError(HTTPStatus.BAD_REQUEST, "no CRLF after a chunk")
    for _ in field_lines(rfile, "the trailers"):  # trailer fields: read and ignored
        pass
    return b"".join(pieces)


def decode_content(request: Request, body: bytes) -> bytes:
    """The body without its Content-Encoding: identity, or gzip (what xmlrpc.client sends)."""
    coding = request.tokens("content-encoding") - {"identity"}
    if not coding:
        return body
    if coding not in ({"gzip"}, {"x-gzip"}):
        raise HTTPError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding other than gzip")
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)  # gzip header and trailer
    try:
        # At most MAX_BODY + 1 bytes: a small body must not inflate into gigabytes.
        data = decompressor.decompress(body, MAX_BODY + 1)
    except zlib.error:
        raise HTTPError(HTTPStatus.BAD_REQUEST, "malformed gzip body") from None
    if len(data) > MAX_BODY:
        raise HTTPError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the gzip body inflates too much")
    if not decompressor.eof:
        raise HTTPError(HTTPStatus.BAD_REQUEST, "truncated gzip body")
    return data


def close_gently(conn: socket.socket) -> None:
    """Closing with unread bytes in the socket makes the kernel send a reset, and a reset can
    destroy the response before the client has read it (a 413 to a client still sending its
    body, say).  So: FIN first, then read and drop what still comes, for a while."""
    try:
        conn.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + LINGER
        while (remaining := deadline - time.monotonic()) > 0:
            conn.settimeout(remaining)
            if not conn.recv(65536):  # the client read the response and closed too
                break
    except OSError:
        pass  # a reset or the timeout: the connection is over either way


def serve(host: str, port: int) -> None:
    dispatcher = Dispatcher(allow_none=False, encoding="utf-8")
    dispatcher.register_function(add, "add")
    dispatcher.register_introspection_functions()
    dispatcher.register_multicall_functions()
    with XMLRPCServer((host, port), dispatcher) as server:
        server.serve_forever()
