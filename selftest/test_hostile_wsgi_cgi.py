"""Garbage in, verdicts out: a WSGI app, a WSGI server and a CGI program that return garbage
get failures with messages, never a harness traceback (issue: "Bad input")."""

from __future__ import annotations

import json

import pytest

HOSTILE_APP = """
    import os

    class Hostile:
        def __repr__(self):
            raise RuntimeError("no repr for you")
        def __str__(self):
            raise RuntimeError("no str either")

    class BadIterable:
        def __iter__(self):
            raise OSError("cannot iterate")

    def app(environ, start_response):
        kind = len(environ["PATH_INFO"]) % 4
        if kind == 0:
            start_response("200 OK", [("Content-Type", Hostile())])
            return [b"x"]
        if kind == 1:
            start_response("200 OK", [("Content-Type", "text/plain")])
            return BadIterable()
        if kind == 2:
            start_response(Hostile(), [])
            return [Hostile()]
        os._exit(3)  # the whole process, mid-call
"""

GARBAGE_SERVER = """
    import os, socket, threading

    def answer(conn):
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"\\x00\\xffHTTP/9 banana\\r\\n" + os.urandom(3000))
            except OSError:
                pass

    def serve(host, port, app):
        with socket.create_server((host, port)) as s:
            while True:
                conn, _ = s.accept()
                threading.Thread(target=answer, args=(conn,), daemon=True).start()
"""

GARBAGE_CGI = """
    import os, sys
    kind = len(os.environ.get("QUERY_STRING", "")) % 4
    out = sys.stdout.buffer
    if kind == 0:
        out.write(os.urandom(5000))
    elif kind == 1:
        out.write(b"Content-Type: application/json\\n\\n[1, 2, 3]")
    elif kind == 2:
        out.write(b"Content-Type: application/json\\n\\n\\xff\\xfe not json")
    else:
        out.write(b"Status: banana\\n\\n")
"""


@pytest.mark.parametrize(
    ("role", "toml", "files", "suite"),
    [
        (
            "wsgi.app",
            '[roles."wsgi.app"]\npython = "app:app"\n',
            {"app.py": HOSTILE_APP},
            "suites/wsgi/test_app.py",
        ),
        (
            "wsgi.server",
            '[roles."wsgi.server"]\npython = "srv:serve"\n',
            {"srv.py": GARBAGE_SERVER},
            "suites/wsgi/test_server.py",
        ),
        (
            "cgi.script",
            '[roles."cgi.script"]\ncommand = ["{python}", "app.py"]\n',
            {"app.py": GARBAGE_CGI},
            "suites/cgi",
        ),
    ],
)
def test_garbage_gets_verdicts_never_a_harness_error(
    suites, make_impl, tmp_path, role, toml, files, suite
):
    impl = make_impl(toml, files)
    report = tmp_path / "report.json"
    result = suites(suite, "--impl", str(impl), "--report-json", str(report), "-n", "2")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    cases = [c for c in json.loads(report.read_text())["cases"] if c["role"] == role]
    assert cases and all(c["outcome"] in ("failed", "should-failed") for c in cases), [
        (c["case"], c["outcome"]) for c in cases if c["outcome"] not in ("failed", "should-failed")
    ]
    wrong = [
        (c["case"], c["failure_kind"], (c["message"] or "")[-400:])
        for c in cases
        if c["failure_kind"] not in ("mismatch", "crash")
    ]
    assert not wrong, wrong
    assert all(c["actual"] for c in cases if c["failure_kind"] == "mismatch")
