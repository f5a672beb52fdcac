"""cgi.script with Bottle, run once per request by Bottle's own CGI adapter."""

import bottle

# request.forms answers 413 to a urlencoded body longer than BaseRequest.MEMFILE_MAX
# (102400 bytes by default) without reading it (BaseRequest._get_body_string); a site that
# takes larger forms raises the class attribute.
bottle.BaseRequest.MEMFILE_MAX = 1024 * 1024

app = bottle.Bottle()


@app.route("/", method=["GET", "POST"])
@app.route("/<path:path>", method=["GET", "POST"])
def echo(path=""):
    req = bottle.request
    # Bottle keeps form and query values as latin-1 strings; decode() gives a copy in UTF-8.
    query, form = req.query.decode(), req.forms.decode()
    return {
        "method": req.method,
        "path": req.path if req.environ.get("PATH_INFO") else "",
        "query": {name: query.getall(name) for name in query},
        "form": {name: form.getall(name) for name in form},
        "cookies": dict(req.cookies.decode()),
        "remote_addr": req.environ.get("REMOTE_ADDR"),
    }


if __name__ == "__main__":
    bottle.run(app, server="cgi")
