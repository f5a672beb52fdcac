"""wsgi.app with Flask: one catch-all route answering every path and method."""

from flask import Flask, request

# Every method Flask's routing can be told about by name: the HTTP methods of RFC 9110 and
# PATCH (RFC 5789).  Naming OPTIONS turns off Flask's automatic OPTIONS answer, and HEAD is
# answered by the same view (werkzeug drops the body).
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]

app = Flask(__name__)


@app.route("/", defaults={"path": ""}, methods=METHODS)
@app.route("/<path:path>", methods=METHODS)
def hello(path):
    # request.path is werkzeug's decoding of PATH_INFO: its latin-1 characters taken as the
    # URL's bytes and decoded as UTF-8.
    body = f"Hello World\nYou requested: {request.path}"
    return body, 200, {"Content-Type": "text/plain; charset=utf-8"}
