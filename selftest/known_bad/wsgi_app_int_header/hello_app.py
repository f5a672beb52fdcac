"""Known-bad wsgi.app: the Content-Length header value is an ``int``.

Bug: ``("Content-Length", len(body))``: the student computed the length and passed it as
it is.  PEP 3333 headers are ``(str, str)`` tuples; ``wsgiref.validate`` refuses the list,
and wsgiref's ``start_response`` raises ``AssertionError: Header values must be of type
str``, so the server answers 500.
Seed: 000 'WSGI Example' and 'WSGI Responses' (``start_response(status, headers)``).
Must fail: every case.
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    headers = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", len(body)),  # BUG: an int, not str(len(body))
    ]
    start_response("200 OK", headers)
    return [body]
