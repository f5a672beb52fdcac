"""Bad http.static: ``do_HEAD`` calls ``do_GET``, so HEAD gets the body too.

Bug: "HEAD is GET without the body" - but the body is never left out: ``do_HEAD()`` is
``self.do_GET()``.  The headers are right; after them the file follows, which a client
that sent HEAD takes as the start of the next response on the connection (or, as
``http.client`` does, never reads, so the connection is out of step).
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``;
'HTTP Protocol' lists HEAD among the request types.
Must fail: http.static/head[html] and [png].  Everything else passes.
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
        self.do_GET()  # BUG: the same as GET, body included

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
