"""Known-bad wsgi.app: the body is returned as bare ``bytes``, not a list of bytes.

Bug: the student read that WSGI bodies are bytes, encoded the text, and returned it:
``return body``.  ``bytes`` is iterable too, but a server iterating it gets one ``int`` per
byte (72, 101, 108 ...), not byte strings: ``wsgiref.validate`` refuses the return value
and wsgiref's server answers 500 at the first "chunk".
Seed: 000 'WSGI Example' and 'WSGI Content Encoding' (``hello_app``'s body, encoded).
Must fail: every case.
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    start_response(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return body  # BUG: bytes, not [body]
