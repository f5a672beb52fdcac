"""Known-bad wsgi.app: PATH_INFO is encoded to UTF-8 as it is: non-ASCII paths double-encoded.

Bug: the student fixed the seed's body (bytes, one list item) and its Content-Type, but
takes ``environ["PATH_INFO"]`` as the path's text.  PEP 3333 gives PATH_INFO as the URL's
bytes decoded as latin-1, so ``/jalape%C3%B1o`` arrives as ``'/jalapeÃ±o'`` and, encoded to
UTF-8, goes back as ``/jalapeÃ±o``: mojibake.  The latin-1 round trip
(``.encode("latin-1").decode("utf-8")``) is missing.  ASCII paths are right.
Seed: 000 'WSGI Example' and 'WSGI Content Encoding' (``"You requested: " +
environ["PATH_INFO"]``).
Must fail: wsgi.app/hello-body[jalapeno], [cjk] and [jalapeno-http].
"""


def hello_app(environ, start_response):
    text = "Hello World\nYou requested: " + environ["PATH_INFO"]  # BUG: latin-1 text as is
    body = text.encode("utf-8")
    start_response(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
