"""Bad http.static: answers 405 Method Not Allowed to DELETE, PUT and POST, without Allow.

Bug: the student adds ``do_DELETE`` (and PUT, POST) to refuse them explicitly with
``self.send_error(405)``, which is the right status for a method HTTP defines but a file
server does not allow.  But a 405 MUST say what is allowed (RFC 9110 15.5.6: "The origin
server MUST generate an Allow header field"), and ``send_error()`` adds no Allow header.
Methods without a ``do_`` method, like BREW, still get http.server's 501.
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``;
'HTTP Protocol' lists the request types.
Must fail: http.static/unsupported-method[DELETE].  BREW gets 501, which passes.
"""

import functools
import mimetypes
import os
import shutil
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote


class FileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"

    def __init__(self, *args, root, **kwargs):
        self.root = root
        super().__init__(*args, **kwargs)

    def do_GET(self):
        f = self.send_head()
        if f:
            with f:
                shutil.copyfileobj(f, self.wfile)

    def do_HEAD(self):
        f = self.send_head()
        if f:
            f.close()

    def do_DELETE(self):
        self.send_error(405)  # BUG: no Allow: GET, HEAD
    do_PUT = do_POST = do_DELETE

    def send_head(self):
        path = unquote(self.path.split("?")[0])
        if "\0" in path:  # open() raises ValueError on a NUL byte
            self.send_error(400, "NUL byte in the path")
            return None
        filename = os.path.realpath(os.path.join(self.root, path.lstrip("/")))
        if not filename.startswith(self.root + os.sep) and filename != self.root:
            self.send_error(404)
            return None
        if os.path.isdir(filename):
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            filename = os.path.join(filename, "index.html")
        try:
            f = open(filename, "rb")
        except OSError:
            self.send_error(404)
            return None
        ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.end_headers()
        return f

    def log_message(self, format, *args):
        pass


def serve(host, port, root):
    handler = functools.partial(FileHandler, root=os.path.realpath(root))
    server = ThreadingHTTPServer((host, port), handler)
    server.serve_forever()
