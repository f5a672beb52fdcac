"""Known-bad wsgi.app: ``Content-Type: text/plain`` with no charset.

Bug: the student fixed the seed's "test/plain" typo but not its missing charset.  The
body is UTF-8, but nothing says so: a browser guesses (often windows-1252), and a
non-ASCII path such as /jalapeño shows as "jalapeÃ±o".
Seed: 000 'WSGI Example' (``[("Content-type", "test/plain")]``), 'WSGI Content Encoding'.
Must fail: wsgi.app/headers[direct] and [http].
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    start_response(
        "200 OK",
        [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))],  # BUG: no charset
    )
    return [body]
