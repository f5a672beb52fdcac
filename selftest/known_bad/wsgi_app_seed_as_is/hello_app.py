"""Known-bad wsgi.app: the seed's ``hello_app`` exactly as the course gives it.

Bugs, all from the seed: the body is a list of ``str`` (PEP 3333 bodies are ``bytes``),
the Content-Type is "test/plain" (a typo for "text/plain") with no charset, and
PATH_INFO is echoed as it is (PEP 3333 gives it as latin-1 text, so a non-ASCII path
would come back double-encoded even once the body is encoded).  The first one is enough
to sink every case: ``wsgiref.validate`` refuses the first chunk and wsgiref's server
answers 500.
Seed: 000 'WSGI Example', unchanged.
Must fail: every case.
"""


def hello_app(environ, start_response):
    start_response("200 OK", [("Content-type", "test/plain")])
    return ["Hello World\n", "You requested: " + environ["PATH_INFO"]]
