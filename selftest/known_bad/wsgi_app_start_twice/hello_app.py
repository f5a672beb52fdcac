"""Known-bad wsgi.app: ``start_response`` is called twice, the second time without exc_info.

Bug: the student starts the response first, as in the seed, then builds the body, and
calls ``start_response`` again to add the Content-Length it now knows.  PEP 3333 allows a
second call only from an error handler, with ``sys.exc_info()`` as its third argument;
wsgiref's server raises ``AssertionError: Headers already set!`` and answers 500.
Seed: 000 'WSGI Example' (``start_response`` first, then the body).
Must fail: every case.
"""

CONTENT_TYPE = ("Content-Type", "text/plain; charset=utf-8")


def hello_app(environ, start_response):
    start_response("200 OK", [CONTENT_TYPE])
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    # BUG: a second call, without exc_info, to "update" the headers
    start_response("200 OK", [CONTENT_TYPE, ("Content-Length", str(len(body)))])
    return [body]
