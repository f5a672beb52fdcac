"""Known-bad wsgi.app: the query string is echoed as part of the path.

Bug: "the path the client requested" is rebuilt as PATH_INFO + "?" + QUERY_STRING, as
``wsgiref.util.request_uri`` does.  The query is not part of the path: ``/search?q=1``
requested ``/search``.
Seed: 000 'WSGI Example' ("You requested: " + the path).
Must fail: wsgi.app/hello-body[query-not-path].
"""


def requested(environ):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    query = environ.get("QUERY_STRING", "")
    if query:
        path += "?" + query  # BUG: the query is not part of the path
    return path


def hello_app(environ, start_response):
    body = ("Hello World\nYou requested: " + requested(environ)).encode("utf-8")
    start_response(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]
