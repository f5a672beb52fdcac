"""http.static: the seed's ``SimpleHTTPRequestHandler`` file server (000 'A Simple Web Server').

The seed runs ``HTTPServer(("", 9876), SimpleHTTPRequestHandler)`` after ``os.chdir()`` to the
directory to serve.  Changed here, each for a reason:

- ``ThreadingHTTPServer`` (daemon threads): ``HTTPServer`` serves one connection at a time,
  so one client that idles or stops reading a large download stalls everybody else.
- ``directory=root`` (through ``functools.partial``, since the server builds the handler
  itself) instead of ``os.chdir()``, which changes the whole process's working directory.
- ``protocol_version = "HTTP/1.1"``: the handler's default "HTTP/1.0" closes the connection
  after every response; 1.1 keeps it open for the next request.  Every response it sends
  has a Content-Length, which is what makes that safe.
- A timeout on the connection, so an idle keep-alive connection, or a client that stops
  reading, does not hold its thread forever.
- Request logging off (one stderr line per request); errors are still logged.

Two bugs of the handler are fixed (CPython 3.11):

- Until the request line has been parsed, the handler assumes the client speaks HTTP/0.9,
  whose responses have no status line and no headers.  So the 400 for a malformed request
  line ("GET", "GET / HTTP/x.y") went out as a bare HTML page the client cannot recognise
  as an error.  ``default_request_version = "HTTP/1.0"`` gives it its status line.
- A path with a NUL byte (``/index.html%00.txt``) makes ``open()`` raise ValueError, which
  the handler does not catch: the thread dies and the client gets no answer.  It gets a 400.

The handler already refuses paths outside the directory (``translate_path()`` drops ``..``
components), answers 404, 501 for a method it has no ``do_<METHOD>`` for, 400 for a
malformed request line, and 301 to add the slash to a directory.
"""

from __future__ import annotations

import functools
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

CONNECTION_TIMEOUT = 60.0  # seconds: an idle connection, or a client not reading, is dropped


class StaticHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = CONNECTION_TIMEOUT  # StreamRequestHandler sets it on the socket
    default_request_version = "HTTP/1.0"  # see the module docstring

    def send_head(self):
        try:
            return super().send_head()
        except ValueError:  # "embedded null byte": raised by open(), before any header
            self.send_error(HTTPStatus.BAD_REQUEST, "NUL byte in the path")
            return None

    def log_request(self, code="-", size="-"):
        pass


class StaticServer(ThreadingHTTPServer):
    daemon_threads = True  # already ThreadingHTTPServer's; said here because it matters
    request_queue_size = 128


def serve(host: str, port: int, root: str) -> None:
    handler = functools.partial(StaticHandler, directory=root)
    with StaticServer((host, port), handler) as server:
        server.serve_forever()
