"""Bad http.static: the standard library's ``SimpleHTTPRequestHandler``, used as it is.

Bug: two of the handler's defaults.  ``default_request_version`` is "HTTP/0.9": until it
has parsed the request line, the handler assumes an HTTP/0.9 client, whose responses have
no status line and no headers.  So the 400 for a request line it cannot parse goes out as
a bare HTML page, which no HTTP/1.x client can recognise as an error.  And
``protocol_version`` is "HTTP/1.0": every connection is closed after one response, so
HTTP/1.1 keep-alive never happens.  (A NUL byte in the path also escapes it: ``open()``
raises ValueError, which it does not catch, and the client gets no response.)
Seed: 000 'A Simple Web Server' (``SimpleHTTPRequestHandler``), on ``ThreadingHTTPServer``
and with ``directory=root`` instead of ``os.chdir()``.
Must fail: http.static/malformed-request (every case), no-escape[nul-byte], and
keep-alive (SHOULD).
"""

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


def serve(host, port, root):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=root)
    server = ThreadingHTTPServer((host, port), handler)
    server.serve_forever()
