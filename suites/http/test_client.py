"""http.client: ``request(method, url, *, params, data, json, headers, cookies, auth, files,
timeout, allow_redirects, cafile)`` returns ``{status, headers, body, cookies}``.

Each case calls the client once, in a child process, against the session's local httpbin
(``fixtures.httpbin``), over HTTP and over HTTPS (``cafile`` is the session CA), under a
private prefix whose requests are recorded.  It then checks both sides: what httpbin received
(method, target, headers, body, and httpbin's own reading of them: args, form, json, files,
cookies) and what the client returned (status, headers, the exact body bytes httpbin sent).
A failure shows the request the client actually sent, as the server received it.

Behaviour httpbin lacks (a server that never answers, a body of several MiB, a certificate
for another host) is played by the suite's own scripted servers.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import random
from collections.abc import Iterable

import pytest

from fixtures.asserts import assert_client_connected, assert_raises_within, client_output
from fixtures.certs import HOSTNAME
from fixtures.errors import Mismatch
from fixtures.httpbin import Exchange, Trace
from fixtures.httpresult import HINT_TRUST, ClientResponse, response_of
from fixtures.httpwire import read_request
from fixtures.peers import ScriptedServer
from fixtures.requirements import MUST, SHOULD, requirement
from fixtures.tls import TlsServer

SEED = "004 'Using HTTP' (urllib), 'Using the Request Library for more complex scenarios'"
SCHEMES = ("http", "https")
HINT_STATUS = (
    "a non-2xx status is a response, not an error: catch urllib.error.HTTPError (it has "
    ".code, .headers and .read()) and return it like any other response; with requests "
    "don't call raise_for_status()"
)
HINT_RETURN = "return the response as the contract's dict; let only network errors raise"


def both(values: Iterable[str]) -> list:
    """Each value over HTTP and HTTPS: ids "PUT-http", "PUT-https"."""
    return [pytest.param(v, s, id=f"{v}-{s}") for v in values for s in SCHEMES]


def call(client, certificates, timeouts, scheme, method, url, *, timeout=None, **arguments):
    """One call of the client under test.  Only the arguments a case uses are passed (a
    client missing one fails only the cases that need it); ``cafile`` over HTTPS."""
    timeout = timeouts.io * 2 if timeout is None else timeout
    kill_after = client.granted(timeout) + timeouts.client_slack + timeouts.client_kill_margin
    if scheme == "https":
        arguments["cafile"] = str(certificates.cafile)
    return client.call(kill_after, method=method, url=url, timeout=timeout, **arguments)


@pytest.fixture
def send(client_under_test, certificates, timeouts):
    """``send(scheme, method, url, **arguments)``: ``call`` bound to this case's client."""

    def send(scheme, method, url, **arguments):
        return call(client_under_test, certificates, timeouts, scheme, method, url, **arguments)

    return send


def sent(trace: Trace) -> str:
    """What httpbin received under the trace, for a failure message."""
    exchanges = trace.exchanges
    if not exchanges:
        return "httpbin received no request under the case's URL"
    shown = []
    for i, exchange in enumerate(exchanges, 1):
        title = "the request httpbin received" if len(exchanges) == 1 else f"request {i}"
        shown.append(f"{title}:\n" + _indent(exchange.describe()))
    return "\n".join(shown)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def respond(outcome, trace: Trace, expected: str, hint_raised: str = HINT_RETURN):
    return response_of(outcome, expected=expected, hint_raised=hint_raised, extra=sent(trace))


def first(trace: Trace, outcome, expected: str) -> Exchange:
    """The first request httpbin received under the trace (the client must have sent it)."""
    exchanges = trace.exchanges
    if not exchanges:
        raise Mismatch(
            expected=expected,
            actual=f"httpbin received no request under the case's URL; request() "
            f"{outcome.describe()}",
            hint="send the request to the URL you were given, path and query as they are",
            extra=client_output(outcome),
        )
    return exchanges[0]


def last(trace: Trace) -> Exchange:
    return trace.exchanges[-1]


def httpbin_view(exchange: Exchange) -> dict:
    """httpbin's JSON echo of a request (its args, form, json, files, headers...)."""
    try:
        return json.loads(exchange.response_body)
    except ValueError:
        return {}


def check_body(response: ClientResponse, expected: bytes, trace: Trace, hint: str) -> None:
    if response.body == expected:
        return
    raise Mismatch(
        expected=f"body: the {len(expected)} bytes the server sent",
        actual=f"{len(response.body)} bytes{_first_difference(expected, response.body)}",
        hint=hint,
        extra=sent(trace),
    )


def _first_difference(expected: bytes, actual: bytes, source: str = "the server sent") -> str:
    if actual != expected and actual == expected.decode("latin-1").encode("utf-8"):
        return (
            ": every byte from 0x80 up became two, the bytes were decoded as text and "
            "encoded again as UTF-8 (keep them bytes throughout)"
        )
    for i, (a, b) in enumerate(zip(expected, actual, strict=False)):
        if a != b:
            return (
                f", differing first at byte {i}: {actual[max(0, i - 8) : i + 8]!r} where "
                f"{source} {expected[max(0, i - 8) : i + 8]!r}"
            )
    if len(actual) < len(expected):
        return f", the first {len(actual)} of them right, the rest missing"
    if len(actual) > len(expected):
        return f", starting with the right ones, then {actual[len(expected) :][:24]!r}..."
    return ""


def check_status(response: ClientResponse, wanted: int, trace: Trace, hint: str) -> None:
    if response.status != wanted:
        raise Mismatch(
            expected=f"status {wanted}",
            actual=f"status {response.status}",
            hint=hint,
            extra=sent(trace),
        )


def check_exchange(response: ClientResponse, exchange: Exchange, trace: Trace) -> None:
    """The client returned what the server sent: status, body, and its header fields."""
    check_status(response, exchange.status, trace, "return the response's own status code")
    check_body(
        response,
        exchange.response_body,
        trace,
        "return the body bytes exactly as received (read() to the end; don't decode)",
    )
    for name, _ in exchange.response_headers:
        if name.lower() in ("content-length", "content-encoding", "transfer-encoding"):
            continue  # a client may drop or rewrite these when it decodes the body
        if response.header(name) is None:
            raise Mismatch(
                expected=f"headers: every field the server sent, {name!r} among them",
                actual=f"no {name!r} in the returned headers {response.headers!r:.300}",
                hint="return every header field of the response: list(response.headers.items())",
                extra=sent(trace),
            )


def check_field(view: dict, key: str, wanted: object, trace: Trace, hint: str) -> None:
    got = view.get(key)
    if got != wanted:
        raise Mismatch(
            expected=f"httpbin to read {key} = {wanted!r} from the request",
            actual=f"httpbin read {key} = {got!r}",
            hint=hint,
            extra=sent(trace),
        )


@pytest.fixture
def trace(local_httpbin):
    trace = local_httpbin.trace()
    yield trace
    trace.close()


# -- requests and what httpbin read from them ---------------------------------------------
PARAMS = {"q": "a b&c=d", "name": "Zoë 日本", "sum": "1+1=2", "path": "/x?y#z"}


@requirement(
    "http.client/get-params",
    MUST,
    "GET with query parameters MUST percent-encode them (spaces, &, =, +, non-ASCII as UTF-8), "
    "and return the response's status, headers and exact body.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_get_params(send, trace, scheme):
    outcome = send(
        scheme,
        "GET",
        trace.url("/get", scheme),
        params=PARAMS,
    )
    response = respond(outcome, trace, "the response to GET /get")
    exchange = first(trace, outcome, "a GET request")
    check_field(
        httpbin_view(exchange),
        "args",
        PARAMS,
        trace,
        "percent-encode each name and value: urllib.parse.urlencode(params) (or "
        "quote_plus); a raw '&', '=', '+' or space changes the parameters",
    )
    check_exchange(response, exchange, trace)


FORM = {"name": "Zoë & Co", "rate": "10%", "expr": "a=b; c"}


@requirement(
    "http.client/post-form",
    MUST,
    "POST with form data MUST send it application/x-www-form-urlencoded, every field intact.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_post_form(send, trace, scheme):
    outcome = send(
        scheme,
        "POST",
        trace.url("/post", scheme),
        data=FORM,
    )
    response = respond(outcome, trace, "the response to POST /post")
    exchange = first(trace, outcome, "a POST request")
    check_method(exchange, "POST", trace)
    content_type = (exchange.header("Content-Type") or "").lower()
    if not content_type.startswith("application/x-www-form-urlencoded"):
        raise Mismatch(
            expected="Content-Type: application/x-www-form-urlencoded",
            actual=f"Content-Type: {exchange.header('Content-Type')}",
            hint="send urllib.parse.urlencode(data).encode() with that Content-Type",
            extra=sent(trace),
        )
    check_field(
        httpbin_view(exchange),
        "form",
        FORM,
        trace,
        "urlencode the fields (urllib.parse.urlencode(data)): '&', '=', '%' and non-ASCII "
        "must be percent-encoded",
    )
    check_exchange(response, exchange, trace)


def check_method(exchange: Exchange, method: str, trace: Trace) -> None:
    if exchange.method != method:
        raise Mismatch(
            expected=f"a {method} request",
            actual=f"a {exchange.method} request",
            hint=f"send the method you were given: urllib.request.Request(url, method={method!r})",
            extra=sent(trace),
        )


JSON_BODY = {"name": "Zoë", "items": [1, 2.5, None, True], "nested": {"empty": {}, "s": "ü\n"}}


@requirement(
    "http.client/post-json",
    MUST,
    "POST with json MUST send the JSON document with Content-Type application/json.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_post_json(send, trace, scheme):
    outcome = send(
        scheme,
        "POST",
        trace.url("/post", scheme),
        json=JSON_BODY,
    )
    response = respond(outcome, trace, "the response to POST /post")
    exchange = first(trace, outcome, "a POST request")
    check_method(exchange, "POST", trace)
    content_type = (exchange.header("Content-Type") or "").lower()
    if not content_type.startswith("application/json"):
        raise Mismatch(
            expected="Content-Type: application/json",
            actual=f"Content-Type: {exchange.header('Content-Type')}",
            hint="send json.dumps(document).encode() with Content-Type: application/json",
            extra=sent(trace),
        )
    check_field(
        httpbin_view(exchange),
        "json",
        JSON_BODY,
        trace,
        "send json.dumps(document).encode('utf-8') as the body",
    )
    check_exchange(response, exchange, trace)


@requirement(
    "http.client/custom-headers",
    MUST,
    "The client MUST send the headers it is given (User-Agent and any other) as given, "
    "replacing its own default User-Agent.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_custom_headers(send, trace, scheme):
    headers = {
        "User-Agent": "conformance-suite/1.0 (+course)",
        "X-Course-Token": trace.token,
        "Accept": "application/json",
    }
    outcome = send(
        scheme,
        "GET",
        trace.url("/headers", scheme),
        headers=headers,
    )
    response = respond(outcome, trace, "the response to GET /headers")
    exchange = first(trace, outcome, "a GET request")
    for name, value in headers.items():
        got = [v for k, v in exchange.headers if k.lower() == name.lower()]
        if got != [value]:
            raise Mismatch(
                expected=f"the header {name}: {value}",
                actual=f"{name}: {' / '.join(got)}" if got else f"no {name} header",
                hint="pass the headers to the request (urllib.request.Request(url, "
                "headers=headers)); one given User-Agent replaces the library's",
                extra=sent(trace),
            )
    check_exchange(response, exchange, trace)


@requirement(
    "http.client/head",
    MUST,
    "HEAD MUST return the response's headers (repeated fields included) and an empty body, "
    "without waiting for a body that never comes.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_head(send, trace, scheme):
    outcome = send(
        scheme,
        "HEAD",
        trace.url("/response-headers?X-Probe=first&X-Probe=second", scheme),
    )
    response = respond(
        outcome,
        trace,
        "the headers of the HEAD response, and an empty body",
        hint_raised="a HEAD response has headers and no body, whatever its Content-Length "
        "says: don't read a body after HEAD (urllib and requests know this when the method "
        "is HEAD; a hand-made read of Content-Length bytes waits forever)",
    )
    exchange = first(trace, outcome, "a HEAD request")
    check_method(exchange, "HEAD", trace)
    check_status(response, exchange.status, trace, "return the response's own status code")
    if response.body != b"":
        raise Mismatch(
            expected="an empty body (HEAD)",
            actual=f"a {len(response.body)}-byte body: {response.body[:60]!r}",
            hint="a response to HEAD has no body",
            extra=sent(trace),
        )
    probes = [v for k, v in response.headers if k.lower() == "x-probe"]
    if probes not in (["first", "second"], ["first, second"]):
        raise Mismatch(
            expected="both X-Probe fields: ('X-Probe', 'first'), ('X-Probe', 'second')",
            actual=f"X-Probe: {probes!r}",
            hint="return every header field, repeats included: list(response.headers.items()) "
            "(a dict keeps only one value per name)",
            extra=sent(trace),
        )
    sent_length = exchange.response_header("Content-Length")
    if sent_length is not None and response.header("Content-Length") != sent_length:
        raise Mismatch(
            expected=f"Content-Length: {sent_length}, as the server sent it",
            actual=f"Content-Length: {response.header('Content-Length')}",
            hint="return the headers as received",
            extra=sent(trace),
        )


METHODS = {
    # method: (httpbin path, form data sent)
    "PUT": ("/put", {"field": "put value", "n": "1"}),
    "PATCH": ("/patch", {"field": "patch value"}),
    "DELETE": ("/delete", None),
    "OPTIONS": ("/get", None),
}


@requirement(
    "http.client/methods",
    MUST,
    "PUT, PATCH (with form data), DELETE and OPTIONS MUST be sent as such and their "
    "responses returned.",
    seed=SEED,
)
@pytest.mark.parametrize(("method", "scheme"), both(METHODS))
def test_methods(send, trace, method, scheme):
    path, data = METHODS[method]
    arguments = {} if data is None else {"data": data}
    outcome = send(
        scheme,
        method,
        trace.url(path, scheme),
        **arguments,
    )
    response = respond(outcome, trace, f"the response to {method} {path}")
    exchange = first(trace, outcome, f"a {method} request")
    check_method(exchange, method, trace)
    if data is not None:
        content_type = exchange.header("Content-Type") or ""
        check_field(
            httpbin_view(exchange),
            "form",
            data,
            trace,
            "send the form data with any method, not only POST"
            if not exchange.body
            else f"data is form fields: send them application/x-www-form-urlencoded (your "
            f"client sent Content-Type: {content_type or 'none'})",
        )
    if method == "OPTIONS" and response.header("Allow") is None:
        raise Mismatch(
            expected="the Allow header of the OPTIONS response",
            actual=f"headers {response.headers!r:.300}",
            hint="return every header field of the response",
            extra=sent(trace),
        )
    check_exchange(response, exchange, trace)


USER, PASSWORD = "student", "open sesame:42"


@requirement(
    "http.client/basic-auth",
    MUST,
    "With auth=(user, password) the client MUST authenticate with HTTP Basic; wrong "
    "credentials MUST be returned as a 401 response, not raised.",
    seed=SEED,
)
@pytest.mark.parametrize(("credentials", "scheme"), both(["right", "wrong"]))
def test_basic_auth(send, trace, credentials, scheme):
    password = PASSWORD if credentials == "right" else "not the password"
    outcome = send(
        scheme,
        "GET",
        trace.url("/basic-auth/student/open%20sesame%3A42", scheme),
        auth=(USER, password),
    )
    wanted = 200 if credentials == "right" else 401
    response = respond(
        outcome,
        trace,
        f"a {wanted} response",
        hint_raised=HINT_STATUS if credentials == "wrong" else HINT_RETURN,
    )
    exchange = first(trace, outcome, "a GET request")
    authorizations = [e.header("Authorization") for e in trace.exchanges]
    token = base64.b64encode(f"{USER}:{password}".encode()).decode()
    if f"Basic {token}" not in authorizations:
        carried = [a for a in authorizations if a is not None]
        challenge = exchange.response_header("WWW-Authenticate")
        raise Mismatch(
            expected=f"a request with Authorization: Basic {token}",
            actual="Authorization: " + ", ".join(repr(a) for a in carried)
            if carried
            else f"no request carried an Authorization header (httpbin answered "
            f"{exchange.status}{' with WWW-Authenticate: ' + challenge if challenge else ''})",
            hint="send 'Basic ' + base64(user + ':' + password) in the Authorization header "
            "on the first request (requests: auth=auth); urllib's HTTPBasicAuthHandler "
            "answers only the realm given to add_password(): use "
            "HTTPPasswordMgrWithDefaultRealm with realm None",
            extra=sent(trace),
        )
    check_status(
        response,
        wanted,
        trace,
        HINT_STATUS if credentials == "wrong" else "return the final response's status",
    )
    check_exchange(response, last(trace), trace)


COOKIES = {"flavour": "oatmeal", "batch": "42"}


@requirement(
    "http.client/cookies-sent",
    MUST,
    "The client MUST send the cookies it is given in a Cookie header.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_cookies_sent(send, trace, scheme):
    outcome = send(
        scheme,
        "GET",
        trace.url("/cookies", scheme),
        cookies=COOKIES,
    )
    response = respond(outcome, trace, "the response to GET /cookies")
    exchange = first(trace, outcome, "a GET request")
    check_field(
        httpbin_view(exchange),
        "cookies",
        COOKIES,
        trace,
        "send them as one header: Cookie: flavour=oatmeal; batch=42",
    )
    check_exchange(response, exchange, trace)


@requirement(
    "http.client/cookies-received",
    MUST,
    "The client MUST return every cookie the server set during the call in 'cookies' "
    "(across redirects too), and send it back on the requests that follow a redirect.",
    seed=SEED,
)
@pytest.mark.parametrize(("following", "scheme"), both(["no-redirect", "redirect"]))
def test_cookies_received(send, trace, following, scheme):
    follow = following == "redirect"
    set_cookies = {"flavour": "ginger", "token": trace.token}
    outcome = send(
        scheme,
        "GET",
        trace.url(f"/cookies/set?flavour=ginger&token={trace.token}", scheme),
        allow_redirects=follow,
    )
    response = respond(outcome, trace, "the response, with the cookies the server set")
    first(trace, outcome, "a GET request")
    check_status(
        response,
        200 if follow else 302,
        trace,
        "follow the redirect when allow_redirects is true"
        if follow
        else "when allow_redirects is false, return the 302 itself",
    )
    missing = {k: v for k, v in set_cookies.items() if response.cookies.get(k) != v}
    if missing:
        raise Mismatch(
            expected=f"cookies to include {set_cookies!r} (set by the server's Set-Cookie)",
            actual=f"cookies = {response.cookies!r}",
            hint="collect the cookies with a cookie jar (http.cookiejar.CookieJar and "
            "HTTPCookieProcessor; requests: a Session and session.cookies.get_dict()) so "
            "those set on a redirect count too (r.cookies holds the last response's only)",
            extra=sent(trace),
        )
    if follow:
        check_field(
            httpbin_view(last(trace)),
            "cookies",
            set_cookies,
            trace,
            "keep the cookies across the redirect: one cookie jar for the whole call "
            "(urllib: HTTPCookieProcessor; requests: a Session)",
        )


UPLOAD = bytes(range(256)) + b"\r\n--not-a-boundary\r\n\x00end"


@requirement(
    "http.client/file-upload",
    MUST,
    "files={field: (filename, bytes)} MUST be sent as multipart/form-data with the file's "
    "name and exact bytes, beside any form fields in data.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_file_upload(send, trace, scheme):
    fields = {"course": "networks"}
    outcome = send(
        scheme,
        "POST",
        trace.url("/post", scheme),
        files={"upload": ("notes.bin", UPLOAD)},
        data=fields,
    )
    response = respond(outcome, trace, "the response to POST /post")
    exchange = first(trace, outcome, "a POST request")
    hint = (
        "send multipart/form-data: a boundary line before each part, Content-Disposition: "
        'form-data; name="upload"; filename="notes.bin", a blank line, the bytes as they '
        "are, and the closing boundary (requests: files=files)"
    )
    if not (exchange.header("Content-Type") or "").lower().startswith("multipart/form-data"):
        raise Mismatch(
            expected="Content-Type: multipart/form-data; boundary=...",
            actual=f"Content-Type: {exchange.header('Content-Type')}",
            hint=hint,
            extra=sent(trace),
        )
    view = httpbin_view(exchange)
    uploaded = view.get("files", {}).get("upload")
    if isinstance(uploaded, str) and uploaded.startswith("data:"):
        received = base64.b64decode(uploaded.split(",", 1)[1])
    elif isinstance(uploaded, str):
        received = uploaded.encode("utf-8")
    else:
        received = None
    if received != UPLOAD:
        raise Mismatch(
            expected=f"httpbin to read the file 'upload': {len(UPLOAD)} bytes",
            actual="no file 'upload'"
            if received is None
            else f"{len(received)} bytes"
            + _first_difference(UPLOAD, received, "the file to upload has"),
            hint=hint,
            extra=sent(trace),
        )
    if b'filename="notes.bin"' not in exchange.body:
        raise Mismatch(
            expected='the part to carry filename="notes.bin"',
            actual="no such filename parameter in the body",
            hint=hint,
            extra=sent(trace),
        )
    check_field(view, "form", fields, trace, "send data's fields as parts of the same body")
    check_exchange(response, exchange, trace)


@requirement(
    "http.client/error-statuses",
    MUST,
    "Non-2xx statuses (403, 404, 500, 501) MUST be returned as statuses, not raised.",
    seed=SEED,
)
@pytest.mark.parametrize(("status", "scheme"), both(["403", "404", "500", "501"]))
def test_error_statuses(send, trace, status, scheme):
    outcome = send(
        scheme,
        "GET",
        trace.url(f"/status/{status}", scheme),
    )
    response = respond(outcome, trace, f"a {status} response", hint_raised=HINT_STATUS)
    exchange = first(trace, outcome, "a GET request")
    check_exchange(response, exchange, trace)


# -- bodies ---------------------------------------------------------------------------------
LARGE = 8 * 1024 * 1024


def large_body(seed: int) -> bytes:
    return random.Random(seed).randbytes(LARGE)


class BodyServer:
    """A scripted HTTP server answering one request with ``body`` under Content-Length."""

    def __init__(self, body: bytes, timeouts) -> None:
        self.body, self.timeouts = body, timeouts
        self.request = None

    def __call__(self, stream, server) -> None:
        self.request = read_request(stream, timeout=self.timeouts.io)
        if self.request is None:
            return
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(self.body)
        )
        stream.send(head + self.body, timeout=self.timeouts.bulk)


@requirement(
    "http.client/exact-body",
    MUST,
    "The client MUST return the body's exact bytes: binary, chunked, and large (8 MiB).",
    seed=SEED,
)
@pytest.mark.parametrize(("kind", "scheme"), both(["binary", "chunked", "large"]))
def test_exact_body(send, certificates, timeouts, trace, kind, scheme, case_seed):
    hint = (
        "return the body as bytes, read to its end (response.read() / r.content): never "
        "decode it as text, and don't stop at a fixed size or at the first piece"
    )
    if kind != "large":
        path = (
            f"/bytes/102400?seed={case_seed % 1000}"
            if kind == "binary"
            else f"/stream-bytes/102400?chunk_size=4093&seed={case_seed % 1000}"
        )
        outcome = send(scheme, "GET", trace.url(path, scheme))
        response = respond(outcome, trace, "the response to GET " + path)
        exchange = first(trace, outcome, "a GET request")
        check_body(response, exchange.response_body, trace, hint)
        check_exchange(response, exchange, trace)
        return
    body = large_body(case_seed)
    script = BodyServer(body, timeouts)
    tls = TlsServer(certificates.server("localhost")) if scheme == "https" else None
    with ScriptedServer(script, accept_timeout=timeouts.io, tls=tls) as server:
        host = HOSTNAME if scheme == "https" else server.address[0]
        url = f"{scheme}://{host}:{server.address[1]}/large.bin"
        outcome = send(
            scheme,
            "GET",
            url,
            timeout=timeouts.bulk,
        )
    check_trusted(server, outcome)
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    response = response_of(
        outcome,
        expected=f"the {LARGE}-byte body",
        hint_raised=HINT_RETURN,
        transcript=server.transcript,
    )
    if response.body != body:
        raise Mismatch(
            expected=f"body: all {LARGE} bytes the server sent (SHA-256 "
            f"{hashlib.sha256(body).hexdigest()[:16]}...)",
            actual=f"{len(response.body)} bytes{_first_difference(body, response.body)}",
            hint=hint,
            transcript=server.transcript,
        )


@requirement(
    "http.client/redirects",
    MUST,
    "Redirects MUST be followed when allow_redirects is true (the final response returned) "
    "and not followed when it is false (the 3xx response itself returned, Location included).",
    seed=SEED,
)
@pytest.mark.parametrize(("following", "scheme"), both(["followed", "not-followed"]))
def test_redirects(send, trace, following, scheme):
    follow = following == "followed"
    outcome = send(
        scheme,
        "GET",
        trace.url("/redirect/2", scheme),
        allow_redirects=follow,
    )
    response = respond(
        outcome,
        trace,
        "the final response" if follow else "the 302 response",
        hint_raised=HINT_STATUS if not follow else HINT_RETURN,
    )
    exchanges = trace.exchanges
    first(trace, outcome, "a GET request")
    if follow:
        if len(exchanges) != 3:
            raise Mismatch(
                expected="three requests: /redirect/2, the redirect it names, then /get",
                actual=f"{len(exchanges)} request(s) reached httpbin",
                hint="follow each Location until a response that is not a redirect",
                extra=sent(trace),
            )
        check_exchange(response, exchanges[-1], trace)
        return
    if len(exchanges) != 1:
        raise Mismatch(
            expected="one request: with allow_redirects=False the redirect is not followed",
            actual=f"{len(exchanges)} requests reached httpbin",
            hint="when allow_redirects is false, return the 3xx response (urllib: a "
            "redirect handler whose redirect_request() returns None; requests: "
            "allow_redirects=False)",
            extra=sent(trace),
        )
    check_exchange(response, exchanges[0], trace)
    if response.header("Location") != exchanges[0].response_header("Location"):
        raise Mismatch(
            expected=f"Location: {exchanges[0].response_header('Location')}",
            actual=f"Location: {response.header('Location')}",
            hint="return the redirect's headers as received",
            extra=sent(trace),
        )


# -- timeouts and certificates: the suite's own servers --------------------------------------
def check_trusted(server: ScriptedServer, outcome) -> None:
    """Over HTTPS the suite's server presents the session CA's valid certificate: a client
    that refused it failed before the case could begin."""
    if server.handshake_error is None:
        return
    raise Mismatch(
        expected="the client to accept the server's valid certificate (from the cafile it "
        "was given, for localhost)",
        actual=f"the TLS handshake failed: {server.handshake_error.reason}; then request() "
        f"{outcome.describe()}",
        hint=HINT_TRUST,
        transcript=server.transcript,
        extra=client_output(outcome),
    )


def check_retried(server: ScriptedServer) -> str:
    if server.extra_connections:
        return (
            f"; your client connected {server.extra_connections} more time(s) after the first "
            "request timed out: it retried (urllib3's Retry, a loop) and so took longer than "
            "its timeout"
        )
    return ""


STALLS = ["no-response", "stalled-body", "slow-answer"]


@requirement(
    "http.client/timeout",
    MUST,
    "The client MUST raise within timeout + 1 s when the server accepts and never answers, "
    "or stops in the middle of the body; and MUST return a response that comes after a "
    "pause shorter than timeout.",
    seed=SEED + "; 000 'Timeouts'",
)
@pytest.mark.parametrize(("stall", "scheme"), both(STALLS))
def test_timeout(send, client_under_test, certificates, timeouts, stall, scheme):
    # slow-answer: the response comes after half the (longer) timeout; a client that does
    # not pass its timeout on, or uses a fixed one, raises too early.
    timeout = timeouts.io if stall == "slow-answer" else timeouts.client_timeout
    allowed = client_under_test.granted(timeout) + timeouts.client_slack
    got: dict = {}
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nlate, ok\n"

    def script(stream, server) -> None:
        got["request"] = read_request(stream, timeout=timeouts.io)
        if got["request"] is None:
            return
        if stall == "slow-answer":
            stream.transcript.note(f"waits {timeout / 2:.1f} s, then answers")
            server.wait_stopped(timeout / 2)
            stream.send(answer, timeout=timeouts.io)
            return
        if stall == "stalled-body":
            stream.send(
                b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b"x" * 100,
                timeout=timeouts.io,
            )
            stream.transcript.note("sends 100 of the 1000 body bytes, then nothing")
        else:
            stream.transcript.note("read the request; never answers")
        server.wait_stopped(allowed + timeouts.client_kill_margin + 1)

    tls = TlsServer(certificates.server("localhost")) if scheme == "https" else None
    with ScriptedServer(script, accept_timeout=timeouts.io, tls=tls) as server:
        host = HOSTNAME if scheme == "https" else server.address[0]
        outcome = send(
            scheme,
            "GET",
            f"{scheme}://{host}:{server.address[1]}/slow",
            timeout=timeout,
        )
    check_trusted(server, outcome)
    assert_client_connected(
        got.get("request") is not None,
        outcome,
        transcript=server.transcript,
        what="sent a request to",
    )
    if stall == "slow-answer":
        response = response_of(
            outcome,
            expected=f"the response that came after {timeout / 2:.1f} s, within "
            f"timeout={timeout:g}",
            hint_raised="pass the caller's timeout to the library as it is "
            "(urlopen(req, timeout=timeout), requests.get(url, timeout=timeout)): a fixed "
            "or smaller timeout gives up on a server that is only slow",
            transcript=server.transcript,
        )
        if response.status != 200 or response.body != b"late, ok\n":
            raise Mismatch(
                expected="status 200 and the 9-byte body 'late, ok\\n'",
                actual=response.summary(),
                hint="return the response as received",
                transcript=server.transcript,
            )
        return
    assert_raises_within(
        outcome,
        allowed,
        transcript=server.transcript,
        first_contact=server.accepted_at,
        expected=f"request(..., timeout={timeout:g}) to raise within {allowed:g} s"
        + check_retried(server),
        hint="a timeout must raise: don't catch it and return what arrived, and read the "
        "whole body before returning (that read is what raises)"
        if outcome.returned
        else "pass timeout to the library (urlopen(req, timeout=timeout), "
        "requests.get(url, timeout=timeout)), and don't retry a timed-out request",
    )


@requirement(
    "http.client/verify-https",
    MUST,
    "HTTPS MUST be verified against cafile: the client MUST raise, and send no request, for "
    "a certificate from an untrusted CA or for another host.",
    seed=SEED + "; 004 'Working with SSL'",
)
@pytest.mark.parametrize("cert_name", ["untrusted-ca", "wrong-host"])
def test_verify_https(send, client_under_test, certificates, timeouts, cert_name):
    got: dict = {}

    def script(stream, server) -> None:
        got["request"] = read_request(stream, timeout=timeouts.io)
        if got["request"] is not None:
            stream.send(
                b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                timeout=timeouts.io,
            )

    timeout = timeouts.io * 2
    tls = TlsServer(certificates.server(cert_name))
    with ScriptedServer(script, accept_timeout=timeouts.io, tls=tls) as server:
        outcome = send(
            "https",
            "GET",
            f"https://{HOSTNAME}:{server.address[1]}/secret",
            timeout=timeout,
        )
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    case = tls.certificate.case
    hint = (
        "verify against cafile: ssl.create_default_context(cafile=cafile) for urllib "
        "(context=...), verify=cafile for requests; never verify=False or CERT_NONE, and "
        "keep hostname checking on"
    )
    if got.get("request") is not None or outcome.returned:
        raise Mismatch(
            expected=f"request() to raise: the server's certificate is {case.description}",
            actual=(
                f"your client accepted it and sent {got['request'].method} "
                f"{got['request'].target}; then request() {outcome.describe()}"
            )
            if got.get("request") is not None
            else f"request() {outcome.describe()}",
            hint=hint,
            transcript=server.transcript,
            extra=client_output(outcome),
        )
    assert_raises_within(
        outcome,
        client_under_test.granted(timeout) + timeouts.client_slack,
        transcript=server.transcript,
        first_contact=server.accepted_at,
        expected=f"request() to raise at once for a certificate that is {case.description}"
        + check_retried(server),
        hint="let the certificate error propagate at once: don't retry a connection whose "
        "certificate failed, and don't wait for anything after the handshake",
    )


# -- SHOULD ------------------------------------------------------------------------------
@requirement(
    "http.client/gzip",
    SHOULD,
    "The client SHOULD decode a gzip-encoded body (Content-Encoding: gzip) and return the "
    "decoded bytes.",
    seed=SEED,
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_gzip(send, trace, scheme):
    outcome = send(scheme, "GET", trace.url("/gzip", scheme))
    response = respond(outcome, trace, "the response to GET /gzip")
    exchange = first(trace, outcome, "a GET request")
    check_status(response, exchange.status, trace, "return the response's own status code")
    decoded = gzip.decompress(exchange.response_body)
    if response.body != decoded:
        compressed = response.body == exchange.response_body
        raise Mismatch(
            expected=f"the decoded body ({len(decoded)} bytes of JSON)",
            actual="the gzip-compressed bytes as sent"
            if compressed
            else f"{len(response.body)} bytes{_first_difference(decoded, response.body)}",
            hint="when Content-Encoding is gzip, return gzip.decompress(body)",
            extra=sent(trace),
        )
