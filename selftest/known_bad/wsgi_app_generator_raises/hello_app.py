"""Known-bad wsgi.app: a generator body that raises after its first line for non-ASCII paths.

Bug: the student streams the body line by line from a generator, as the seed's list of
two strings suggests, and encodes each line as ASCII.  For ``/jalapeño`` the second line
raises ``UnicodeEncodeError`` while the server is iterating, after the status, the headers
and "Hello World" have gone out: the client gets a 200 with half a body.
Seed: 000 'WSGI Example' (the body as two pieces), 'WSGI Content Encoding'.
Must fail: wsgi.app/validate[non-ascii-path], headers[direct] (both call the app with the
non-ASCII path) and hello-body[jalapeno], [cjk], [jalapeno-http].
"""


def lines(path):
    yield b"Hello World\n"
    yield ("You requested: " + path).encode("ascii")  # BUG: raises for a non-ASCII path


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return lines(path)
