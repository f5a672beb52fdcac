"""wsgi.server: ``serve(host, port, app)`` hosts a WSGI application (PEP 3333) over HTTP/1.1.

The application is the suite's probe (``fixtures.wsgiprobe``): a correct app driven by the
request path (``/_probe/<token>/<action>``) that reports the environ it saw, reads
``wsgi.input`` the way a case asks, writes with ``write()``, yields chunks, raises on
demand, and records whether ``close()`` was called.  What it saw is written to files of the
suite's (a side channel the server's response bytes cannot fake).  The requests are raw bytes
from the suite's own peer, so bodies, chunked input, HEAD, pipelining and malformed requests
go out exactly as written; responses are read under a deadline (``fixtures.httpwire``).
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from urllib.parse import unquote_to_bytes

import pytest

from fixtures.asserts import connect
from fixtures.errors import Mismatch
from fixtures.httpwire import BadResponse, Response, read_response, request_bytes
from fixtures.requirements import MUST, SHOULD, requirement
from fixtures.wsgiprobe import Probe, decoded, expected_body

SEED = "000 'WSGI Interface', 'WSGI Applications', 'WSGI Responses', 'WSGI Deployment'"
PEP = "PEP 3333"
HINT_EARLY_500 = (
    "catch the app's exception and answer 500 Internal Server Error; if '200 OK' went out "
    "before the error, the headers were sent too early: keep the status and headers until "
    "the first non-empty chunk, so a 500 can still replace them"
)
FORM = "application/x-www-form-urlencoded"


def host(server) -> str:
    return f"{server.host}:{server.port.number}"


def request(
    server,
    target: str,
    *,
    method: str = "GET",
    version: str = "HTTP/1.1",
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    close: bool = True,
) -> bytes:
    fields = {"Host": host(server)} if version == "HTTP/1.1" else {}
    fields.update(headers or {})
    if body and "Transfer-Encoding" not in fields:
        fields["Content-Length"] = str(len(body))
    if close:
        fields["Connection"] = "close"
    return request_bytes(method, target, version=version, headers=fields) + body


def probe_call(server, probe: Probe, http, action: str, *, rest: str = "", **kw) -> tuple:
    """One request for ``action`` on a new connection: (token, response, transcript)."""
    token = probe.token()
    method = kw.pop("method", "GET")
    timeout = kw.pop("timeout", None)
    hint, doing = kw.pop("hint", ""), kw.pop("doing", "")
    data = request(server, probe.path(token, action, rest), method=method, **kw)
    response, transcript = http(
        server, data, method=method, timeout=timeout, hint=hint, doing=doing
    )
    return token, response, transcript


def expect_status(
    response: Response, wanted: int, transcript, hint: str, seen: tuple[Probe, str] | None = None
) -> None:
    """``seen``: (probe, token): when the probe app itself failed, say with what."""
    if response.status != wanted:
        error = seen[0].seen(seen[1], "error") if seen else None
        raise Mismatch(
            expected=f"status {wanted}",
            actual=f"{response.status_line()}; body {response.body[:200]!r}"
            + (f" (the probe app raised {error['error']})" if error else ""),
            hint="the probe app failed on the environ it was given: give it what PEP 3333 "
            "promises (see the error)"
            if error
            else hint,
            transcript=transcript,
        )


def expect_body(response: Response, wanted: bytes, transcript, hint: str) -> None:
    if response.body_length != len(wanted) or response.body_sha256 != _sha(wanted):
        shown = (
            f"{response.body_length} bytes"
            if response.body_length > 4096
            else f"{response.body!r}"[:300]
        )
        raise Mismatch(
            expected=f"the app's {len(wanted)}-byte body"
            + (f" {wanted!r}" if len(wanted) <= 64 else ""),
            actual=f"{shown} (framing: {response.framing})",
            hint=hint,
            transcript=transcript,
        )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded(probe: Probe, token: str, event: str, timeouts, what: str, transcript) -> dict:
    found = probe.wait(token, event, timeouts.io)
    if found is None:
        raise Mismatch(
            expected=f"the server to call the app ({what})",
            actual="the probe app never recorded it",
            hint="call the application once per request with the environ and start_response",
            transcript=transcript,
        )
    return found


# -- environ --------------------------------------------------------------------------------
ENVIRON_CASES = {
    "get-query": dict(rest="/some/path", query="x=1&y=%C3%A9&z", version="HTTP/1.1"),
    "post-body": dict(rest="/form", query="", version="HTTP/1.1", body=b"a=1&b=two"),
    "non-ascii-path": dict(rest="/caf%C3%A9/%E6%97%A5", query="", version="HTTP/1.1"),
    "http-1.0": dict(rest="", query="", version="HTTP/1.0"),
}
REQUIRED_STR = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "SERVER_NAME", "SERVER_PORT")
# The CGI meta-variables (RFC 3875 4.1), which PEP 3333 makes native strings; servers add
# others of their own (REMOTE_PORT, RAW_URI), which the suite does not judge.
RFC3875 = frozenset(
    [
        "AUTH_TYPE",
        "CONTENT_LENGTH",
        "CONTENT_TYPE",
        "GATEWAY_INTERFACE",
        "PATH_INFO",
        "PATH_TRANSLATED",
        "QUERY_STRING",
        "REMOTE_ADDR",
        "REMOTE_HOST",
        "REMOTE_IDENT",
        "REMOTE_USER",
        "REQUEST_METHOD",
        "SCRIPT_NAME",
        "SERVER_NAME",
        "SERVER_PORT",
        "SERVER_PROTOCOL",
        "SERVER_SOFTWARE",
    ]
)
WSGI_BOOLS = ("wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once")


def environ_problems(env: dict, case: dict, method: str, full_path: str, port: int) -> list[str]:
    keys: dict = env.get("keys", {})
    problems = []
    if env.get("type") != "dict":
        problems.append(f"environ is a {env.get('type')}, not a dict")

    def value(name):
        return keys[name].get("value") if name in keys else None

    def kind(name):
        return keys[name]["type"] if name in keys else None

    for name in (*REQUIRED_STR, "SERVER_PROTOCOL"):
        if kind(name) != "str":
            problems.append(f"{name} is {'missing' if name not in keys else 'a ' + kind(name)}")
    if value("REQUEST_METHOD") not in (None, method):
        problems.append(f"REQUEST_METHOD is {value('REQUEST_METHOD')!r}, not {method!r}")
    script, path = value("SCRIPT_NAME"), value("PATH_INFO")
    if isinstance(script, str) and isinstance(path, str) and script + path != full_path:
        problems.append(
            f"SCRIPT_NAME + PATH_INFO is {script + path!r}, not {full_path!r} (the URL path "
            "percent-decoded, its bytes decoded as latin-1)"
        )
    query = case["query"]
    if query and value("QUERY_STRING") != query:
        problems.append(f"QUERY_STRING is {value('QUERY_STRING')!r}, not {query!r}")
    if not query and value("QUERY_STRING") not in (None, ""):
        problems.append(f"QUERY_STRING is {value('QUERY_STRING')!r} for a URL without a query")
    body = case.get("body", b"")
    if body:
        if value("CONTENT_LENGTH") != str(len(body)):
            problems.append(
                f"CONTENT_LENGTH is {value('CONTENT_LENGTH')!r}, not {str(len(body))!r}"
                + (" (missing)" if "CONTENT_LENGTH" not in keys else "")
            )
        if value("CONTENT_TYPE") != FORM:
            problems.append(f"CONTENT_TYPE is {value('CONTENT_TYPE')!r}, not {FORM!r}")
    elif value("CONTENT_LENGTH") not in (None, "", "0"):
        problems.append(
            f"CONTENT_LENGTH is {value('CONTENT_LENGTH')!r} for a request without a body"
        )
    if value("SERVER_PORT") != str(port):
        problems.append(f"SERVER_PORT is {value('SERVER_PORT')!r}, not {str(port)!r}")
    if value("SERVER_PROTOCOL") not in (None, case["version"]):
        problems.append(f"SERVER_PROTOCOL is {value('SERVER_PROTOCOL')!r}, not {case['version']!r}")
    if value("HTTP_X_PROBE_HEADER") != "probe value":
        problems.append(
            f"HTTP_X_PROBE_HEADER is {value('HTTP_X_PROBE_HEADER')!r}, not 'probe value' "
            "(request header X-Probe-Header)"
        )
    if kind("wsgi.version") != "tuple" or value("wsgi.version") != [1, 0]:
        problems.append(
            f"wsgi.version is a {kind('wsgi.version')} {value('wsgi.version')!r}, not (1, 0)"
        )
    if value("wsgi.url_scheme") != "http":
        problems.append(f"wsgi.url_scheme is {value('wsgi.url_scheme')!r}, not 'http'")
    for name, methods in (
        ("wsgi.input", ("read", "readline", "readlines", "__iter__")),
        ("wsgi.errors", ("write", "writelines", "flush")),
    ):
        if name not in keys:
            problems.append(f"{name} is missing")
            continue
        lacking = [m for m in methods if m not in keys[name].get("methods", [])]
        if lacking:
            problems.append(f"{name} ({kind(name)}) has no {', '.join(lacking)}")
    for name in WSGI_BOOLS:
        if kind(name) != "bool":
            problems.append(
                f"{name} is {'missing' if name not in keys else 'a ' + kind(name)}, not a bool"
            )
    for name, entry in keys.items():
        cgi = name in RFC3875 or name.startswith("HTTP_")
        if cgi and entry["type"] != "str" and name not in REQUIRED_STR:
            problems.append(f"{name} is a {entry['type']} (CGI variables are native str)")
    return problems


@requirement(
    "wsgi.server/environ",
    MUST,
    "The server MUST give the app a dict environ with every required key of PEP 3333 with the "
    "right type and value: REQUEST_METHOD, SCRIPT_NAME + PATH_INFO (the decoded path as "
    "latin-1 text), QUERY_STRING, CONTENT_TYPE and CONTENT_LENGTH when the request has them, "
    "SERVER_NAME, SERVER_PORT, SERVER_PROTOCOL, HTTP_* headers, wsgi.version (1, 0), "
    "wsgi.url_scheme, wsgi.input, wsgi.errors, and the wsgi.multithread / multiprocess / "
    "run_once flags.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(ENVIRON_CASES))
def test_environ(server, probe, http, timeouts, case_name):
    case = ENVIRON_CASES[case_name]
    token = probe.token()
    method = "POST" if case.get("body") else "GET"
    target = probe.path(token, "environ", case["rest"]) + (
        f"?{case['query']}" if case["query"] else ""
    )
    headers = {"X-Probe-Header": "probe value", "User-Agent": "netconformance"}
    if case.get("body"):
        headers["Content-Type"] = FORM
    data = request(
        server,
        target,
        method=method,
        version=case["version"],
        body=case.get("body", b""),
        headers=headers,
    )
    response, transcript = http(server, data, method=method)
    expect_status(
        response, 200, transcript, "the probe answers 200: pass its status through", (probe, token)
    )
    env = recorded(probe, token, "environ", timeouts, "environ", transcript)
    full_path = unquote_to_bytes(target.partition("?")[0]).decode("latin-1")
    problems = environ_problems(env, case, method, full_path, server.port.number)
    if problems:
        line = data.split(b"\r\n")[0].decode("latin-1")
        raise Mismatch(
            expected=f"the environ {PEP} requires for {line!r}",
            actual="; ".join(problems),
            hint="build the environ as PEP 3333 'environ Variables' lists: CGI values are str "
            "(the path: urllib.parse.unquote_to_bytes(path).decode('latin-1')), HTTP headers "
            "as HTTP_NAME, wsgi.version = (1, 0)",
            transcript=transcript,
        )


# -- wsgi.input ----------------------------------------------------------------------------
def _lines_body() -> bytes:
    return b"".join(b"line %04d of the body\r\n" % i for i in range(300)) + b"a\rb\n"


INPUT_CASES = {
    "read-n": ("read-n", bytes(range(256)) * 256),
    "read-pieces": ("read-pieces", bytes(range(256)) * 40),
    "readline": ("readline", _lines_body()),
    "read-all": ("read-all", b"read() with no size: " + bytes(range(256)) * 20),
    "empty-get": ("read-all", b""),
    "large": ("read-n", bytes(i * 7 % 256 for i in range(1 << 20))),
}


def blocked_reading(probe: Probe, token: str):
    """For ``http(explain=...)``: whether the app is stuck in wsgi.input.read()."""

    def explain() -> str:
        if probe.seen(token, "reading") and not probe.seen(token, "input"):
            return (
                "the app's wsgi.input.read() never returned: it waited for bytes past the end "
                "of the body"
            )
        return ""

    return explain


def _length_note(got: dict) -> str:
    if got.get("content_length") in (None, ""):
        return " (the environ had no CONTENT_LENGTH, so the app read nothing)"
    return f" (CONTENT_LENGTH was {got['content_length']!r})"


def _input_hint(action: str) -> str:
    if action == "read-all":
        return (
            "wrap the socket's input so it ends at CONTENT_LENGTH (a request without a body "
            "has none): read() with no size must return the body and then b'', never wait "
            "for the client to close"
        )
    return "give the app the request body through wsgi.input: exactly CONTENT_LENGTH bytes"


@requirement(
    "wsgi.server/input",
    MUST,
    "The server MUST deliver the request body through wsgi.input: read(n), read() in small "
    "pieces, readline(), and read() with no size, which returns the whole body and then b'' "
    "(and b'' at once for a request without one).",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(INPUT_CASES))
def test_input(server, probe, http, timeouts, case_name):
    action, body = INPUT_CASES[case_name]
    token = probe.token()
    method = "POST" if body else "GET"
    data = request(
        server,
        probe.path(token, action),
        method=method,
        body=body,
        headers={"Content-Type": "application/octet-stream"} if body else {},
    )
    response, transcript = http(
        server, data, method=method, hint=_input_hint(action), explain=blocked_reading(probe, token)
    )
    expect_status(
        response, 200, transcript, "the probe answers 200: pass its status through", (probe, token)
    )
    got = recorded(probe, token, "input", timeouts, "reading wsgi.input", transcript)
    if "error" in got:
        raise Mismatch(
            expected=f"wsgi.input to give the {len(body)}-byte body",
            actual=f"{' then '.join(got['calls']) or 'reading'} raised {got['error']}"
            + _length_note(got),
            hint=_input_hint(action),
            transcript=transcript,
        )
    received = decoded(got, "data") or b""
    extra = decoded(got, "extra")
    if received != body or extra not in (None, b""):
        differ = next(
            (i for i, (a, b) in enumerate(zip(received, body, strict=False)) if a != b),
            min(len(received), len(body)),
        )
        detail = f"{len(received)} bytes" + (
            f" (differing from byte {differ})" if received != body else ""
        )
        if extra:
            detail += f", then a second read() gave {len(extra)} more bytes instead of b''"
        raise Mismatch(
            expected=f"{' then '.join(got['calls']) or 'wsgi.input'} to give exactly the "
            f"{len(body)}-byte body",
            actual=detail + _length_note(got),
            hint=_input_hint(action),
            transcript=transcript,
        )


@requirement(
    "wsgi.server/chunked-input",
    SHOULD,
    "A request body sent with Transfer-Encoding: chunked SHOULD reach the app dechunked "
    "(read() returns it, then b''), or be refused with 411 or 501; never with its chunk "
    "framing, never a hang.",
    seed="000 'WSGI Interface'",
)
def test_chunked_input(server, probe, http, timeouts):
    token = probe.token()
    chunked = b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    data = request(
        server,
        probe.path(token, "read-all"),
        method="POST",
        body=chunked,
        headers={"Transfer-Encoding": "chunked", "Content-Type": "text/plain"},
    )
    response, transcript = http(
        server,
        data,
        method="POST",
        hint="decode the chunked body (RFC 9112 7.1) before the app reads it, or answer 411",
        explain=blocked_reading(probe, token),
    )
    if response.status in (411, 501):
        return
    expect_status(
        response,
        200,
        transcript,
        "pass the probe's 200 through, or refuse with 411",
        (probe, token),
    )
    got = recorded(probe, token, "input", timeouts, "reading wsgi.input", transcript)
    received = decoded(got, "data")
    if received != b"hello world" or decoded(got, "extra") not in (None, b""):
        raise Mismatch(
            expected="wsgi.input.read() to give b'hello world' (the chunks' data), then b''",
            actual=got.get("error", f"{received!r}"),
            hint="decode the chunked body (RFC 9112 7.1) before the app reads it, or refuse "
            "it with 411 Length Required",
            transcript=transcript,
        )


# -- the response ---------------------------------------------------------------------------
@requirement(
    "wsgi.server/status-headers",
    MUST,
    "The server MUST send the status and headers the app gave start_response: its reason "
    "phrase, and repeated header names (two Set-Cookie) as separate fields.",
    seed="000 'WSGI Responses'",
)
@pytest.mark.parametrize("action", ["status", "headers"])
def test_status_headers(server, probe, http, action):
    _, response, transcript = probe_call(server, probe, http, action)
    if action == "status":
        if (response.status, response.reason) != (202, "Accepted By Probe"):
            raise Mismatch(
                expected="'202 Accepted By Probe', the app's status line",
                actual=response.status_line(),
                hint="send the status string from start_response as it is",
                transcript=transcript,
            )
        return
    cookies = [v for n, v in response.headers if n.lower() == "set-cookie"]
    value = response.header("X-Probe-Value")
    if cookies != ["first=1; Path=/", "second=2; Path=/"] or value != "a, b: c":
        raise Mismatch(
            expected="two Set-Cookie fields, 'first=1; Path=/' and 'second=2; Path=/', and "
            "X-Probe-Value: 'a, b: c'",
            actual=f"Set-Cookie fields {cookies}, X-Probe-Value {value!r}",
            hint="send every (name, value) of the headers list as its own field line, in "
            "order; never merge them into a dict",
            transcript=transcript,
        )


BODY_CASES = {
    "many-chunks": ("chunks", "HTTP/1.1"),
    "empty-chunks": ("empty-chunks", "HTTP/1.1"),
    "large": ("big", "HTTP/1.1"),
    "http-1.0": ("chunks", "HTTP/1.0"),
}


@requirement(
    "wsgi.server/body-chunks",
    MUST,
    "The server MUST send the app's body chunks in order and complete: empty chunks never end "
    "the body, 8 MiB from a generator arrives whole, and an HTTP/1.0 client gets no chunked "
    "coding.",
    seed="000 'WSGI Content'",
)
@pytest.mark.parametrize("case_name", list(BODY_CASES))
def test_body_chunks(server, probe, http, timeouts, case_name):
    action, version = BODY_CASES[case_name]
    _, response, transcript = probe_call(
        server, probe, http, action, version=version, timeout=timeouts.io * 2
    )
    expect_status(response, 200, transcript, "pass the probe's 200 through")
    hint = (
        "write every non-empty chunk as it comes (sendall); an empty chunk is nothing to "
        "send: in chunked coding a zero-size chunk ends the body"
    )
    if version == "HTTP/1.0" and response.framing == "chunked":
        raise Mismatch(
            expected="a body without chunked coding for an HTTP/1.0 request",
            actual="Transfer-Encoding: chunked",
            hint="HTTP/1.0 has no chunked coding: send Content-Length, or close the connection "
            "at the end of the body",
            transcript=transcript,
        )
    expect_body(response, expected_body(action), transcript, hint)


@requirement(
    "wsgi.server/deferred-headers",
    MUST,
    "The server MUST NOT send the status and headers before the app yields its first "
    "non-empty chunk: until then the app may replace them, all of them, by calling "
    "start_response again with exc_info.",
    seed="000 'WSGI Responses'",
)
@pytest.mark.parametrize(
    "action",
    [
        pytest.param("replace", id="error-before-body"),
        pytest.param("replace-after-empty", id="after-empty-chunk"),
    ],
)
def test_deferred_headers(server, probe, http, action):
    _, response, transcript = probe_call(
        server,
        probe,
        http,
        action,
        hint="keep the headers until the first non-empty chunk, so an error handler can "
        "still replace them",
    )
    stale = [f"{n}: {v}" for n, v in response.headers if n.lower() == "x-probe-stage"]
    if stale and response.status == 500:
        raise Mismatch(
            expected="the 500 with only the headers of the replacing start_response",
            actual=f"{response.status_line()} still carrying the first call's {stale}; "
            f"headers {response.headers}",
            hint="start_response(..., exc_info) replaces the stored status and headers: "
            "assign the new list, don't append to the old one",
            transcript=transcript,
        )
    if response.status != 500 or response.body != expected_body(action):
        raise Mismatch(
            expected="the 500 and error page the app set, with exc_info, before its first "
            "non-empty chunk",
            actual=f"{response.status_line()}; body {response.body[:120]!r}",
            hint="PEP 3333: start_response only stores the status and headers; send them when "
            "the first non-empty chunk is written (an empty one does not count), so a "
            "start_response(..., exc_info) before then replaces them",
            transcript=transcript,
        )


@requirement(
    "wsgi.server/write",
    MUST,
    "The server MUST support the write() callable start_response returns: written data is "
    "sent before the returned iterable's chunks, in order.",
    seed="000 'WSGI Responses'",
)
@pytest.mark.parametrize("action", ["write-only", "write-mixed"])
def test_write(server, probe, http, action):
    _, response, transcript = probe_call(server, probe, http, action)
    expect_status(response, 200, transcript, "pass the probe's 200 through")
    expect_body(
        response,
        expected_body(action),
        transcript,
        "start_response returns a write(data) callable: send its data at once (headers "
        "first), then the iterable's chunks",
    )


@requirement(
    "wsgi.server/close",
    MUST,
    "The server MUST call the iterable's close() after the response: when it completed, when "
    "the app raised during iteration, and when the client disconnected mid-body.",
    seed="000 'WSGI Applications'",
)
@pytest.mark.parametrize("case_name", ["complete", "app-raised-mid-body", "client-disconnect"])
def test_close(server, probe, http, timeouts, case_name):
    token = probe.token()
    hint = (
        "call result.close() in a finally: after the last chunk, after an exception from "
        "the iterable, and when writing to the client fails"
    )
    if case_name == "client-disconnect":
        data = request(server, probe.path(token, "endless"))
        with connect(server, timeouts.connect, rcvbuf=64 * 1024) as stream:
            stream.send(data, timeout=timeouts.io)
            stream.pump(timeout=timeouts.io, want=256 * 1024)
            got = len(stream.inbox)
            stream.transcript.note(f"closing after {got} bytes of an endless body")
            transcript = stream.transcript
    else:
        action = "chunks" if case_name == "complete" else "raise-mid-body"
        data = request(server, probe.path(token, action))
        with connect(server, timeouts.connect) as stream:
            stream.send(data, timeout=timeouts.io)
            # A cut-off body is what the server may send after the app raised.
            with contextlib.suppress(BadResponse):
                read_response(stream, timeout=timeouts.io)
            transcript = stream.transcript
    if probe.wait(token, "close", timeouts.io) is None:
        raise Mismatch(
            expected="the server to call the app iterable's close()",
            actual=f"no close() within {timeouts.io:.0f} s"
            + (" of the client's disconnect" if case_name == "client-disconnect" else ""),
            hint=hint,
            transcript=transcript,
        )


@requirement(
    "wsgi.server/app-error",
    MUST,
    "When the app raises before the response started (before or after start_response) or "
    "returns something that is not iterable, the server MUST answer 500.",
    seed="000 'WSGI Responses'",
)
@pytest.mark.parametrize("action", ["raise-before", "raise-after-start", "return-none"])
def test_app_error(server, probe, http, action):
    _, response, transcript = probe_call(
        server,
        probe,
        http,
        action,
        hint=HINT_EARLY_500,
    )
    expect_status(
        response,
        500,
        transcript,
        "catch the exception (a non-iterable result raises TypeError when you iterate it) "
        "and, since no header was sent yet, answer 500 Internal Server Error",
    )


@requirement(
    "wsgi.server/truncated-response",
    SHOULD,
    "When the app raises after part of the body was sent, the response SHOULD stay visibly "
    "incomplete: the connection closed, a chunked body without its last chunk, a "
    "Content-Length body short.",
    seed="000 'WSGI Responses'",
)
@pytest.mark.parametrize(
    "action",
    [
        pytest.param("raise-mid-body", id="chunked"),
        pytest.param("raise-mid-body-length", id="content-length"),
    ],
)
def test_truncated_response(server, probe, timeouts, action):
    token = probe.token()
    data = request(server, probe.path(token, action))
    with connect(server, timeouts.connect) as stream:
        stream.send(data, timeout=timeouts.io)
        try:
            response = read_response(stream, timeout=timeouts.io)
        except BadResponse as exc:
            if exc.head is not None and (stream.eof or stream.reset_seen):
                return  # the app's 200 and part of its body, then the end: visibly cut
            raise Mismatch(
                expected="the app's 200 and part of its body, then the connection closed",
                actual=exc.problem
                + ("" if stream.eof or stream.reset_seen else "; the connection stayed open"),
                hint="after an error mid-body, close the connection: the client is waiting "
                "for bytes that will never come",
                transcript=stream.transcript,
            ) from None
        raise Mismatch(
            expected="a response a client can tell is incomplete (no last chunk, short of "
            "its Content-Length, or the connection closed without either)",
            actual=f"{response.status_line()} with a complete-looking {response.framing} body "
            f"of {response.body_length} bytes",
            hint="when the app raises after the body started, stop and close the connection "
            "without the terminating 0-size chunk; with HTTP/1.1 and no Content-Length use "
            "chunked coding, so a cut-off body shows",
            transcript=stream.transcript,
        )


# -- robustness ----------------------------------------------------------------------------
def still_serves(server, probe, http, after: str) -> None:
    _, response, transcript = probe_call(
        server, probe, http, "hello", doing=f"answering a request {after}"
    )
    if response.status != 200 or response.body != b"hello\n":
        raise Mismatch(
            expected=f"the server to answer the next request {after}",
            actual=f"{response.status_line()}: {response.body[:100]!r}",
            hint="catch errors per request; one bad request or app must not stop the server",
            transcript=transcript,
        )


@requirement(
    "wsgi.server/keeps-serving",
    MUST,
    "The server MUST keep serving after an app error, a malformed request line and a client "
    "that disconnects mid-request.",
    seed="000 'WSGI Deployment'",
)
@pytest.mark.parametrize(
    "case_name", ["after-app-error", "after-malformed-request", "after-client-disconnect"]
)
def test_keeps_serving(server, probe, http, timeouts, case_name):
    token = probe.token()
    with connect(server, timeouts.connect) as stream:
        if case_name == "after-app-error":
            stream.send(request(server, probe.path(token, "raise-before")), timeout=timeouts.io)
        elif case_name == "after-malformed-request":
            stream.send(b"THIS IS NOT HTTP\r\n\r\n", timeout=timeouts.io)
        else:
            stream.send(
                f"POST {probe.path(token, 'read-n')} HTTP/1.1\r\nHost: {host(server)}\r\n"
                "Content-Length: 1000\r\n\r\nonly part".encode(),
                timeout=timeouts.io,
            )
        if case_name != "after-client-disconnect":
            stream.recv_to_eof(timeout=timeouts.io)
    server.ensure_alive(case_name.replace("-", " "))
    still_serves(server, probe, http, case_name.replace("-", " "))


@requirement(
    "wsgi.server/concurrent",
    MUST,
    "The server MUST serve concurrent requests: a request blocked in the app, or a client "
    "that connected and sent nothing, does not hold up another request.",
    seed="000 'WSGI Deployment'; 000 'Threaded Server'",
)
@pytest.mark.parametrize("case_name", ["blocked-request", "idle-connection"])
def test_concurrent(server, probe, http, timeouts, case_name):
    token = probe.token()
    with connect(server, timeouts.connect) as first:
        if case_name == "blocked-request":
            first.send(request(server, probe.path(token, "block")), timeout=timeouts.io)
            if probe.wait(token, "started", timeouts.io) is None:
                raise Mismatch(
                    expected="the server to call the app for the first request",
                    actual=f"the app was not called within {timeouts.io:.0f} s",
                    transcript=first.transcript,
                )
        try:
            still_serves(server, probe, http, f"while another ({case_name}) is in progress")
        except Mismatch as exc:
            exc.expected += (
                " while another request is blocked in the app"
                if case_name == "blocked-request"
                else " while another client holds an idle connection"
            )
            exc.hint = (
                "serve each connection in its own thread (socketserver.ThreadingMixIn, "
                "daemon_threads = True): one slow request or idle client must not stop the others"
            )
            raise
        finally:
            probe.release(token)
        if case_name == "blocked-request":
            read_response(first, timeout=timeouts.io)


@requirement(
    "wsgi.server/head",
    MUST,
    "A HEAD response MUST carry no body, even when the app returns one (RFC 9110 9.3.2).",
    seed="000 'WSGI Responses'",
)
def test_head(server, probe, timeouts):
    token = probe.token()
    with connect(server, timeouts.connect) as stream:
        stream.send(request(server, probe.path(token, "head"), method="HEAD"), timeout=timeouts.io)
        try:
            response = read_response(stream, timeout=timeouts.io, method="HEAD")
        except BadResponse as exc:
            raise Mismatch(
                expected="a response to HEAD",
                actual=exc.problem,
                transcript=stream.transcript,
            ) from None
        leftover = stream.recv_to_eof(timeout=timeouts.io)
        if leftover.data:
            raise Mismatch(
                expected="the HEAD response's headers only",
                actual=f"{len(leftover.data)} body bytes after them: {leftover.data[:60]!r}",
                hint="for HEAD, send the status and headers and discard the app's body (still "
                "iterate and close() it)",
                transcript=stream.transcript,
            )
        expect_status(response, 200, stream.transcript, "pass the probe's 200 through")


@requirement(
    "wsgi.server/keep-alive",
    SHOULD,
    "The server SHOULD keep HTTP/1.1 connections open for further requests, and answer "
    "pipelined requests in order.",
    seed="000 'WSGI Deployment'",
)
@pytest.mark.parametrize("case_name", ["sequential", "pipelined"])
def test_keep_alive(server, probe, timeouts, case_name):
    first, second = probe.token(), probe.token()
    one = request(server, probe.path(first, "hello"), close=False)
    two = request(server, probe.path(second, "status"), close=False)
    with connect(server, timeouts.connect) as stream:
        try:
            if case_name == "pipelined":
                stream.send(one + two, timeout=timeouts.io)
                responses = [read_response(stream, timeout=timeouts.io) for _ in range(2)]
            else:
                stream.send(one, timeout=timeouts.io)
                responses = [read_response(stream, timeout=timeouts.io)]
                time.sleep(0.05)  # apart from the first: [pipelined] sends them together
                stream.send(two, timeout=timeouts.io)
                responses.append(read_response(stream, timeout=timeouts.io))
        except BadResponse as exc:
            raise Mismatch(
                expected="two responses on one HTTP/1.1 connection",
                actual=exc.problem,
                hint="loop on the connection: after a response, read the next request "
                "(HTTP/1.1 keeps the connection unless a side says Connection: close)",
                transcript=stream.transcript,
            ) from None
    statuses = [(r.status, r.body) for r in responses]
    if statuses != [(200, b"hello\n"), (202, b"ok\n")]:
        raise Mismatch(
            expected="200 'hello' then 202 'ok', in the order asked",
            actual=str(statuses),
            hint="answer pipelined requests one after another, in order",
            transcript=stream.transcript,
        )
