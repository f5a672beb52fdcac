"""Known-bad wsgi.app: the body goes out through ``write()`` and the app returns None.

Bug: the student uses the ``write`` callable that ``start_response`` returns (PEP 3333's
legacy imperative API) and, the body written, returns nothing.  An application must return
an iterable, if only ``[]``: ``wsgiref.validate`` refuses None, and a server iterating the
result raises TypeError after the response was sent (wsgiref logs it; the client sees the
response, complete).
Seed: 000 'WSGI Example', 'WSGI Responses' (``start_response`` returns ``write``).
Must fail: every wsgiref.validate case, headers[direct] and the direct hello-body cases;
the -http ones pass (wsgiref has sent the whole response before it fails).
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    write = start_response(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    write(body)
    # BUG: no return: the app returns None, not an iterable ([] would do)
