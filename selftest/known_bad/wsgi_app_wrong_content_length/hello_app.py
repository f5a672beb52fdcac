"""Known-bad wsgi.app: the Content-Length counts characters, not bytes.

Bug: ``str(len(text))`` is taken before the text is encoded.  For an ASCII path the two are
equal; for ``/jalapeño`` the body is one byte longer than announced (``ñ`` is two bytes in
UTF-8), so a client reads one byte short and the rest of the body is left on the
connection as garbage before the next response.
Seed: 000 'WSGI Example' and 'WSGI Content Encoding' (the body as text, encoded last).
Must fail: wsgi.app/headers[direct] (the announced length is wrong) and
hello-body[jalapeno-http] (the client reads the body one byte short).
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    text = "Hello World\nYou requested: " + path
    length = str(len(text))  # BUG: characters, not bytes
    start_response(
        "200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", length)]
    )
    return [text.encode("utf-8")]
