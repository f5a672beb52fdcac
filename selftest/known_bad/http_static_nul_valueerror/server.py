"""Bad http.static: a NUL byte in the path raises ValueError, which nobody catches.

Bug: "%00" decodes to a NUL character, and every file system call refuses a path with
one: ``os.path.realpath()``, ``os.stat()`` and ``open()`` raise ``ValueError: embedded null
byte``, not an OSError.  The handler catches OSError around ``open()``, but the ValueError
comes from the containment check's ``realpath()`` and escapes: http.server prints the
traceback and closes the connection without any response.  (In C the NUL would end the
string, "secret.txt%00.html" would open "secret.txt": the classic truncation attack.)
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``.
Must fail: http.static/no-escape[nul-byte].  Everything else passes.
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
