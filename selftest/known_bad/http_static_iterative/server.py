"""Bad http.static: the seed's ``HTTPServer``, which serves one connection at a time.

Bug: ``http.server.HTTPServer`` is a ``socketserver.TCPServer``: iterative.  It handles one
connection until it is closed, then accepts the next.  The student made the handler speak
HTTP/1.1 so that connections persist, which makes it worse: one browser tab holding its
keep-alive connection open, one client sending its request slowly, or one client that
stops reading a download, and every other client waits in the listen backlog.
``ThreadingHTTPServer`` (one thread per connection) is the fix.
Seed: 000 'A Simple Web Server' (``HTTPServer(("", 9876), SimpleHTTPRequestHandler)``),
with ``directory=root`` instead of ``os.chdir()`` and the handler's HTTP/0.9 error fix;
000 'Threaded Server' is what it lacks.
Must fail: http.static/concurrent-clients[idle-connection], [slow-request] and
[stalled-download].  One client at a time is served correctly.
"""

import functools
from http.server import HTTPServer, SimpleHTTPRequestHandler


class Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections open between requests
    default_request_version = "HTTP/1.0"  # status lines on errors, even for garbage

    def send_head(self):
        try:
            return super().send_head()
        except ValueError:  # a NUL byte in the path: open() refuses it
            self.send_error(400, "NUL byte in the path")
            return None

    def log_message(self, format, *args):
        pass


def serve(host, port, root):
    handler = functools.partial(Handler, directory=root)
    server = HTTPServer((host, port), handler)  # BUG: one connection at a time
    server.serve_forever()
