"""Bad http.static: no directory handling: a directory is opened like a file.

Bug: the handler opens whatever the path names and catches FileNotFoundError for the 404.
A directory exists, so ``open()`` raises IsADirectoryError, which nothing catches:
http.server's ``handle_error()`` prints the traceback on stderr and closes the connection
without a response.  The server itself keeps running (one thread per request).
Seed: 000 'A Simple Web Server' (``HTTPServer`` and ``SimpleHTTPRequestHandler``), written
as the student's own ``BaseHTTPRequestHandler`` subclass on ``ThreadingHTTPServer``.
Must fail: http.static/index-html[directory], [nested], [no-slash] and [no-index] (all
directories).  Files, missing files and escapes are answered correctly.
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
        filename = os.path.realpath(os.path.join(self.root, path.lstrip("/")))
        if not filename.startswith(self.root + os.sep) and filename != self.root:
            self.send_error(404)
            return None
        try:
            f = open(filename, "rb")  # BUG: raises IsADirectoryError for a directory
        except FileNotFoundError:
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
