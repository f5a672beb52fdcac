"""wsgi.server with Werkzeug's development server: werkzeug.serving.run_simple."""

import logging

from werkzeug.serving import run_simple


def serve(host, port, app):
    # One line per request at INFO otherwise (the "werkzeug" logger); warnings and the
    # tracebacks of failing apps still reach stderr.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    run_simple(host, port, app, threaded=True)
