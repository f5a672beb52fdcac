"""cgi.script with Flask, run once per request by the standard library's CGIHandler."""

from wsgiref.handlers import CGIHandler

from flask import Flask, jsonify, request

app = Flask(__name__)
# Flask's own 405 (with Allow) answers every method but these two; OPTIONS would otherwise
# get Flask's automatic 200.
ROUTE = {"methods": ["GET", "POST"], "provide_automatic_options": False}


@app.route("/", defaults={"path": ""}, **ROUTE)
@app.route("/<path:path>", **ROUTE)
def echo(path):
    return jsonify(
        method=request.method,
        path=request.path if request.environ.get("PATH_INFO") else "",
        query=request.args.to_dict(flat=False),
        form=request.form.to_dict(flat=False),
        cookies=request.cookies.to_dict(),
        remote_addr=request.remote_addr,
    )


if __name__ == "__main__":
    CGIHandler().run(app)
