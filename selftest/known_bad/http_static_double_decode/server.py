"""Bad http.static: the path is checked once decoded, and opened twice decoded.

Bug: ``send_head()`` percent-decodes the path and checks that it resolves under the root;
then the student's ``translate()`` helper, written earlier "because spaces did not work",
decodes it again before joining it.  "%252e%252e" is checked as "%2e%2e" (a harmless
directory name under the root) and opened as "..": the secret file beside the root is
served.  Any single-encoded path decodes the same way twice, so nothing else changes.
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``.
Must fail: http.static/no-escape[double-encoded].  Everything else passes.
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

    def send_head(self):
        path = unquote(self.path.split("?")[0])
        if "\0" in path:  # open() raises ValueError on a NUL byte
            self.send_error(400, "NUL byte in the path")
            return None
        checked = os.path.realpath(os.path.join(self.root, path.lstrip("/")))
        if not checked.startswith(self.root + os.sep) and checked != self.root:
            self.send_error(404)
            return None
        filename = self.translate(path)
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

    def translate(self, path):
        # "with%20space.txt" -> "with space.txt"
        return os.path.join(self.root, unquote(path).lstrip("/"))  # BUG: decoded again

    def log_message(self, format, *args):
        pass


def serve(host, port, root):
    handler = functools.partial(FileHandler, root=os.path.realpath(root))
    server = ThreadingHTTPServer((host, port), handler)
    server.serve_forever()
