"""xmlrpc.server: the seed's ``SimpleXMLRPCServer`` exposing ``add``, made threaded and robust.

The seed runs ``SimpleXMLRPCServer(("localhost", 8000))``, ``register_function(add, "add")``
and ``serve_forever()``.  The same classes are kept; changed here, each for a reason:

- ``socketserver.ThreadingMixIn`` (daemon threads): ``SimpleXMLRPCServer`` serves one
  connection at a time, so a client that sends half a request and waits stalls everybody.
- ``register_introspection_functions()`` (``system.listMethods``, ...) and
  ``register_multicall_functions()`` (``system.multicall``).
- ``rpc_paths = ("/", "/RPC2")``: the default list also holds "/pydoc.css", a path of the
  documenting server, where this one would dispatch XML-RPC.
- ``allow_none=False`` (the default, said on purpose): ``<nil/>`` is an extension, not
  XML-RPC, and ``add`` never returns None.
- Request logging off (``logRequests=False`` and ``log_message``, which logs every error
  response too); a client that goes away is not a server error with a traceback either.
- A timeout on the connection, so a client that stops sending does not hold its thread forever.
- ``default_request_version = "HTTP/1.0"``: until the request line is parsed the handler
  assumes HTTP/0.9, so its 400 for a malformed request line has no status line.

``SimpleXMLRPCRequestHandler.do_POST`` (CPython 3.11) reads the body itself; its bugs, fixed
by reading the body here first and handing it over whole:

- No Content-Length is ``int(None)``, a TypeError, answered 500: here 411.  A chunked body
  (which it cannot read) too: 411, send a Content-Length.
- An invalid Content-Length ("x") is a 500, and a negative one reads until the client closes:
  here 400.
- No limit: a Content-Length of 10 GB is read into memory.  Here 413 above MAX_BODY.
- A body cut short (the client disconnects mid-body) is dispatched as if it were whole: a
  prefix that is a well-formed call is executed.  Here nothing is dispatched.
- The 404 for another path is sent without reading the body; closing a socket with unread
  bytes sends a reset, which can fail the client's send before it reads the 404.

Already right in the stdlib, and kept: 501 for GET (no ``do_GET``), 404 for another path, a
Fault (HTTP 200) for a malformed body, an unknown method, a wrong argument count, an error
in ``add``, and a result XML-RPC cannot carry (``add(2147483647, 1)`` raises OverflowError
in ``dumps()``, inside ``_marshaled_dispatch``'s try).  But in ``system.multicall`` such a
result fails the whole multicall (CPython's own "XXX" comment says so); here that one call
gets its fault, as the multicall convention says.
"""

from __future__ import annotations

import io
import re
import socket
import socketserver
import sys
import time
from http import HTTPStatus
from typing import Any
from xmlrpc.client import dumps
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

CONNECTION_TIMEOUT = 60.0  # seconds: a client that stops sending is dropped
MAX_BODY = 64 * 1024 * 1024  # bytes: a request body above this is refused with 413
LINGER = 2.0  # seconds to read what the client still sends after an error, see refuse()
DIGITS = re.compile(r"[0-9]{1,18}")


def add(x, y):
    return x + y


class XMLRPCHandler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/", "/RPC2")
    timeout = CONNECTION_TIMEOUT  # StreamRequestHandler sets it on the socket
    default_request_version = "HTTP/1.0"  # see the module docstring

    def do_POST(self) -> None:
        length = self.content_length()
        if length is None:
            return  # refused
        body = self.rfile.read(length)
        if len(body) < length:  # the client went away mid-body: nothing to answer
            self.close_connection = True
            return
        # The stdlib's do_POST reads the body from rfile: it gets the whole body read here.
        rfile, self.rfile = self.rfile, io.BytesIO(body)
        try:
            super().do_POST()
        finally:
            self.rfile = rfile

    def content_length(self) -> int | None:
        """The body's length, or None after an error response."""
        values = self.headers.get_all("Content-Length") or []
        if "Transfer-Encoding" in self.headers or not values:
            self.refuse(HTTPStatus.LENGTH_REQUIRED)
            return None
        if len(values) > 1 or not DIGITS.fullmatch(values[0].strip()):
            self.refuse(HTTPStatus.BAD_REQUEST, "Bad Content-Length")
            return None
        length = int(values[0])
        if length > MAX_BODY:
            self.refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return None
        return length

    def refuse(self, status: HTTPStatus, message: str | None = None) -> None:
        """An error response, then the end of the connection.  The client may still be
        sending its body: closing with unread bytes sends a reset, which can destroy the
        response before the client reads it.  So: FIN first, then read and drop for a while."""
        self.send_error(status, message)
        self.wfile.flush()  # SimpleXMLRPCRequestHandler's wfile is fully buffered
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + LINGER
            while (remaining := deadline - time.monotonic()) > 0:
                self.connection.settimeout(remaining)
                if not self.connection.recv(65536):
                    break
        except OSError:
            pass  # a reset or the timeout: either way the connection is over

    def log_message(self, format: str, *args: Any) -> None:
        pass  # log_request and log_error both end here: one stderr line per request


class XMLRPCServer(socketserver.ThreadingMixIn, SimpleXMLRPCServer):
    daemon_threads = True
    request_queue_size = 128

    def system_multicall(self, call_list):
        results = super().system_multicall(call_list)
        for index, result in enumerate(results):
            if isinstance(result, list):  # [value]: the call returned; a fault is a dict
                try:
                    dumps(tuple(result), methodresponse=True, allow_none=self.allow_none)
                except Exception as exc:  # add(2147483647, 1): OverflowError
                    results[index] = {"faultCode": 1, "faultString": f"{type(exc)}:{exc}"}
        return results

    def handle_error(self, request, client_address) -> None:
        # A client that resets or times out is not worth a traceback on stderr.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def serve(host: str, port: int) -> None:
    with XMLRPCServer((host, port), XMLRPCHandler, logRequests=False, allow_none=False) as server:
        server.register_function(add, "add")
        server.register_introspection_functions()
        server.register_multicall_functions()
        server.serve_forever()
