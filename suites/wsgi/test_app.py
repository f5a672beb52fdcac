"""wsgi.app: the seed's ``hello_app`` done right, ``app(environ, start_response)``.

Each case calls the application once in a child process, as a PEP 3333 server would, with
an environ built the way real servers build it (the path's bytes decoded as latin-1), under
``wsgiref.validate`` (``fixtures.wsgiapp``): every start_response call, chunk, write and the
close are recorded, with the validator's complaints and the server's own PEP 3333 objections
(start_response a second time without exc_info).  The ``-http`` cases also serve the app with
``wsgiref`` over loopback and check what an HTTP client receives.
"""

from __future__ import annotations

import pytest

from fixtures.errors import Mismatch
from fixtures.httpwire import request_bytes
from fixtures.requirements import MUST, requirement
from fixtures.wsgiapp import AppCall, AppRequest, shown

SEED = "000 'WSGI Example', 'WSGI Responses', 'WSGI Content', 'WSGI Content Encoding'"
CONTENT_TYPE = "text/plain; charset=utf-8"
HINT_BYTES = (
    "WSGI bodies are bytes: encode your str before returning it (return [text.encode('utf-8')])"
)
# (validator or server complaint, hint), first match wins.
HINTS = [
    (
        "should not return a string as your application iterator",
        "return a list holding the body, [body_bytes]: a str or bytes returned as it is gets "
        "iterated one character (or one integer) at a time",
    ),
    ("non-bytestring", HINT_BYTES),
    ("must return an iterator", "return an iterable of bytes, if only an empty list"),
    (
        "second time without exc_info",
        "call start_response once; only an error handler calls it again, passing "
        "sys.exc_info() as the third argument",
    ),
    (
        "start_response has not yet been called",
        "call start_response(status, headers) before returning the body",
    ),
    ("Status", "the status is a str: '200 OK' (three digits, a space, a reason phrase)"),
    ("Bad header value", "a header value may not contain control characters (no \\r or \\n)"),
    ("No Content-Type", "send a Content-Type header"),
    (
        "eader",
        "headers are a list of (name, value) tuples of str: "
        "[('Content-Type', 'text/plain; charset=utf-8'), ('Content-Length', str(len(body)))]",
    ),
]

PATHS = {
    "root": ("/", "/"),
    "nested": ("/a/b/c.txt", "/a/b/c.txt"),
    "space": ("/with%20space", "/with space"),
    "jalapeno": ("/jalape%C3%B1o", "/jalapeño"),
    "cjk": ("/%E6%97%A5%E6%9C%AC/%E8%AA%9E", "/日本/語"),
    "query-not-path": ("/search?q=1&r=%C3%A9", "/search"),
}


def hello(path: str) -> bytes:
    return f"Hello World\nYou requested: {path}".encode()


def served(request, http, target: str):
    """GET ``target`` from the app served by wsgiref; returns (response, context).  A 500
    comes with wsgiref's log of what went wrong."""
    server = request.getfixturevalue("server")
    data = request_bytes("GET", target, headers={"Host": "localhost", "Connection": "close"})
    mark = server.output_mark()
    response, transcript = http(server, data)
    context = transcript.render()
    if response.status >= 500:
        log = server.stderr_since(mark).strip()
        context += "\nwsgiref's log of this request:\n" + (log[-3000:] or "(nothing)")
    return response, context


def hint_for(message: str) -> str:
    return next((hint for key, hint in HINTS if key in message), "")


def called(app_under_test, timeouts, request: AppRequest) -> AppCall:
    """Call the app; a hang, a crash or any complaint of the validator fails the case."""
    call = app_under_test.call(request, timeouts.io)
    context = f"the request: {request.describe()}"
    if call.hung:
        raise Mismatch(
            expected="the application to return its response",
            actual=f"it {call.outcome.describe()}",
            hint="a WSGI app returns at once: no input() or reading wsgi.input past CONTENT_LENGTH",
            extra=context,
        )
    problems = [
        f"{e.where}: {e.type}: {e.message}" + ("" if e.validator else "\n" + e.traceback)
        for e in call.errors
    ] + [f"wsgiref.validate warns: {w}" for w in call.warnings]
    if problems or not call.start_responses:
        first = problems[0] if problems else "start_response was never called"
        raise Mismatch(
            expected="a response that passes wsgiref.validate and PEP 3333",
            actual=first.splitlines()[0],
            hint=hint_for(first)
            or "the application raised: its traceback is below; a WSGI app must answer "
            "every request",
            extra=f"{context}\nwhat the application did:\n{call.transcript()}"
            + ("\n" + "\n".join(problems[0].splitlines()[1:]) if problems else ""),
        )
    return call


@requirement(
    "wsgi.app/validate",
    MUST,
    "The application MUST pass every wsgiref.validate check and PEP 3333: start_response "
    "called once with a str status like '200 OK' and a list of (str, str) headers, then an "
    "iterable of bytes only.",
    seed=SEED,
)
@pytest.mark.parametrize(
    "request_",
    [
        pytest.param(AppRequest(), id="GET-root"),
        pytest.param(
            AppRequest(
                "POST",
                "/form",
                body=b"name=value",
                content_type="application/x-www-form-urlencoded",
            ),
            id="POST-body",
        ),
        pytest.param(AppRequest("HEAD", "/page"), id="HEAD"),
        pytest.param(AppRequest("GET", "/search?q=x&r=1"), id="query"),
        pytest.param(AppRequest("GET", "/jalape%C3%B1o"), id="non-ascii-path"),
    ],
)
def test_validate(app_under_test, timeouts, request_):
    called(app_under_test, timeouts, request_)


def expect_headers(
    status: object, headers: list[tuple[str, str]], body: bytes, where: str, extra: str
) -> None:
    types = [n for n, v in headers if n.lower() == "content-type"]
    content_type = next((v for n, v in headers if n.lower() == "content-type"), None)
    length = next((v for n, v in headers if n.lower() == "content-length"), None)
    media, _, params = (content_type or "").partition(";")
    charset = params.strip().lower().replace(" ", "")
    problems = []
    if not (isinstance(status, str) and status.startswith("200 ")):
        problems.append(f"status {shown(status)}")
    if media.strip().lower() != "text/plain" or charset != "charset=utf-8" or len(types) != 1:
        problems.append(
            f"Content-Type {content_type!r}" + (" (sent twice)" if len(types) > 1 else "")
        )
    if length is not None and length.strip() != str(len(body)):
        problems.append(f"Content-Length {length!r} for a {len(body)}-byte body")
    if problems:
        raise Mismatch(
            expected=f"200 with Content-Type: {CONTENT_TYPE!r} ({where})",
            actual="; ".join(problems),
            hint="start_response('200 OK', [('Content-Type', 'text/plain; charset=utf-8'), "
            "('Content-Length', str(len(body)))]) with body the encoded bytes (the seed's "
            "'test/plain' is a typo, and without a charset a browser guesses)",
            extra=extra,
        )


@requirement(
    "wsgi.app/headers",
    MUST,
    "The application MUST answer 200 with 'Content-Type: text/plain; charset=utf-8', and a "
    "Content-Length, if it sends one, equal to the body's length in bytes.",
    seed=SEED,
)
@pytest.mark.parametrize("over", ["direct", "http"])
def test_headers(app_under_test, request, http, timeouts, over):
    target = "/jalape%C3%B1o"
    if over == "direct":
        call = called(app_under_test, timeouts, AppRequest("GET", target))
        extra = f"what the application did:\n{call.transcript()}"
        expect_headers(call.status, call.headers, call.body, "called directly", extra)
        return
    response, context = served(request, http, target)
    if response.status >= 500:
        raise Mismatch(
            expected=f"200 with Content-Type: {CONTENT_TYPE!r} (served by wsgiref)",
            actual=f"{response.status_line()}: wsgiref's own error page",
            hint="wsgiref answers 500 when the application raises or its status, headers or "
            "body break PEP 3333: its log below says which",
            extra=context,
        )
    headers = [
        (n, v) for n, v in response.headers if n.lower() in ("content-type", "content-length")
    ]
    expect_headers(
        f"{response.status} {response.reason}",
        headers,
        response.body,
        "served by wsgiref",
        context,
    )


@requirement(
    "wsgi.app/hello-body",
    MUST,
    "The body MUST be the UTF-8 bytes of 'Hello World\\nYou requested: <path>', where <path> "
    "is the path the client requested, percent-decoded, as text: a non-ASCII path such as "
    "/jalapeño comes back right, not double-encoded; the query string is not part of it.",
    seed="000 'WSGI Example', 'WSGI Content Encoding'",
)
@pytest.mark.parametrize(
    ("name", "over"),
    [pytest.param(n, "direct", id=n) for n in PATHS]
    + [pytest.param("POST", "direct", id="POST")]
    + [pytest.param(n, "http", id=f"{n}-http") for n in ("root", "space", "jalapeno")],
)
def test_hello_body(app_under_test, request, http, timeouts, name, over):
    target, path = PATHS.get(name, ("/submit", "/submit"))
    expected = hello(path)
    if over == "http":
        response, extra = served(request, http, target)
        body = response.body
        if response.status != 200:
            raise Mismatch(
                expected=f"200 and the body {expected!r}",
                actual=f"{response.status_line()}: {response.body[:200]!r}",
                hint="wsgiref answers 500 when the application raises or its body is not "
                "bytes: the log below says which",
                extra=extra,
            )
    else:
        call_request = AppRequest(
            name if name == "POST" else "GET", target, body=b"x=1" if name == "POST" else b""
        )
        call = app_under_test.call(call_request, timeouts.io)
        if call.hung:
            raise Mismatch(
                expected=f"the body {expected!r}",
                actual=f"the application {call.outcome.describe()}",
                extra=f"the request: {call_request.describe()}",
            )
        body = call.body
        extra = (
            f"the request: {call_request.describe()}\n"
            f"what the application did:\n{call.transcript()}"
        )
        if call.errors:
            error = call.errors[0]
            raise Mismatch(
                expected=f"the body {expected!r}",
                actual=f"{error.where}: {error.type}: {error.message}"[:400],
                hint=hint_for(error.message) or "the application raised: see its traceback",
                extra=extra + ("" if error.validator else "\n" + error.traceback),
            )
    if body != expected:
        raise Mismatch(
            expected=f"{expected!r}",
            actual=f"{body!r}"[:400] + mojibake(body, path),
            hint=body_hint(body, expected, path),
            extra=extra,
        )


def body_hint(body: bytes, expected: bytes, path: str) -> str:
    if mojibake(body, path):
        return (
            "PATH_INFO holds the URL's bytes decoded as latin-1 (PEP 3333): recover the text "
            "with environ['PATH_INFO'].encode('latin-1').decode('utf-8'), then encode the "
            "whole body with .encode('utf-8')"
        )
    if body.startswith(b"\r\n") and expected.startswith(body[2:]):
        return "a header value ends in '\\r\\n', so the headers ended early: no CR or LF in headers"
    if body and expected.startswith(body):
        return (
            "the body is cut short: a Content-Length smaller than the body (count the encoded "
            "bytes, len(body_bytes), not the characters), or the app raised mid-body"
        )
    return "the body is 'Hello World\\n' + 'You requested: ' + the path, as UTF-8 bytes"


def mojibake(body: bytes, path: str) -> str:
    """Say so when the path came back double-encoded (latin-1 text encoded as UTF-8)."""
    double = path.encode("utf-8").decode("latin-1").encode("utf-8")
    if any(ord(c) > 127 for c in path) and double in body:
        return f" (the path came back double-encoded: {double!r})"
    return ""
