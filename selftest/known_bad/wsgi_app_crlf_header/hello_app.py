"""Known-bad wsgi.app: a header value ends in "\\r\\n".

Bug: the student had written raw HTTP responses over sockets before, where each header
line ends in CRLF, and kept the habit in the header list:
``("Content-Type", "text/plain; charset=utf-8\\r\\n")``.  The server adds its own line
ending, so the value ends the header block early (an empty line), and what follows it
becomes the body; a header value must not contain control characters.
Seed: 000 'WSGI Example' and 'WSGI Responses'; 'HTTP Protocol' (header lines end in CRLF).
Must fail: every validate case, headers[direct] and the direct hello-body cases ("Bad
header value"), and the -http hello-body cases: served by wsgiref, the body starts with
the stray "\r\n" and loses its last two bytes.  headers[http] passes: the client still
reads the right Content-Type, and a Content-Length equal to what it read.
"""


def hello_app(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1").decode("utf-8")
    body = ("Hello World\nYou requested: " + path).encode("utf-8")
    start_response(
        "200 OK",
        [
            ("Content-Length", str(len(body))),
            ("Content-Type", "text/plain; charset=utf-8\r\n"),  # BUG: CRLF in the value
        ],
    )
    return [body]
