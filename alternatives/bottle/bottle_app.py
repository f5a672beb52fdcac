"""wsgi.app with Bottle: one catch-all route answering every path and method."""

import bottle

app = bottle.Bottle()


@app.route("/", method="ANY")
@app.route("/<path:path>", method="ANY")
def hello(path=""):
    # Bottle has already re-decoded PATH_INFO (latin-1 back to bytes, then UTF-8) in
    # Bottle._handle; request.path is that value.
    bottle.response.content_type = "text/plain; charset=utf-8"
    return f"Hello World\nYou requested: {bottle.request.path}"
