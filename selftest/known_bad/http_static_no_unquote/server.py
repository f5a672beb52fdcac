"""Bad http.static: the URL path is used as a file name without percent-decoding it.

Bug: ``self.path`` is joined under the root as it arrived.  A browser percent-encodes a
space as "%20" and "é" as "%C3%A9" (its UTF-8 bytes), so "with space.txt" is asked for
as "/with%20space.txt", and no file has that name: 404.  Names of plain ASCII letters,
which are all the student tried, need no decoding.
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``.
Must fail: http.static/percent-decode[space] and [non-ascii].  The encoded escapes
("%2e%2e", "%2F") stay literal names that do not exist: 404.
"""

import functools
import mimetypes
import os
import shutil
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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

    def send_head(self):
        path = self.path.split("?")[0]  # BUG: "%20" is not decoded to " "
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
