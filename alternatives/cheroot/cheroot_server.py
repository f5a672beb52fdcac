"""wsgi.server with cheroot (CherryPy's HTTP server): cheroot.wsgi.Server."""

from cheroot import wsgi


def serve(host, port, app):
    server = wsgi.Server((host, port), app)
    server.safe_start()
