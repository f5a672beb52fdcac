"""Known-bad wsgi.app: the body is returned as one ``str``, not a list of bytes.

Bug: the student fixed the seed's headers and joined its two body strings into one, but
returns that text as it is: ``return body``.  A ``str`` is iterable, so a server takes it
one character at a time, and each character is a ``str``: ``wsgiref.validate`` refuses
the return value, and wsgiref's server answers 500 at the first chunk.
Seed: 000 'WSGI Example' (``hello_app`` returns ``["Hello World\\n", "You requested: " +
environ["PATH_INFO"]]``), with the list dropped.
Must fail: every case (no response reaches a client).
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = "Hello World\nYou requested: " + path
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return body  # BUG: a str, not [body.encode("utf-8")]
