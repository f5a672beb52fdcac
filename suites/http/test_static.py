"""http.static: ``serve(host, port, root)`` serves the files under ``root`` over HTTP/1.0 and
HTTP/1.1.

The suite builds the document root (``fixtures.docroot``: HTML, a PNG, binary data, names
with a space and a non-ASCII letter, nested directories with and without index.html, a
64 MiB file, and a secret file beside the root) and speaks raw HTTP from its own peer: the
request bytes go out exactly as written (a client library would normalise ``..`` away), and
responses are read under a deadline and a size limit (``fixtures.httpwire``), so a malformed
or endless response is a verdict, never a hang.
"""

from __future__ import annotations

import time
from urllib.parse import urljoin, urlsplit

import pytest

from fixtures.asserts import connect, died_after
from fixtures.docroot import BIG_SIZE
from fixtures.errors import Mismatch, ServerDied
from fixtures.httpwire import BadResponse, Response, read_response, request_bytes
from fixtures.requirements import MUST, SHOULD, requirement

SEED = "000 'A Simple Web Server', 'HTTP Protocol'"
HINT_DECODE = (
    "map the URL path to a file: split off the query, percent-decode it "
    "(urllib.parse.unquote), then join it under root"
)


def host_header(server) -> str:
    return f"{server.host}:{server.port.number}"


def exchange(
    server,
    timeouts,
    target: str,
    *,
    method: str = "GET",
    version: str = "HTTP/1.1",
    raw: bytes | None = None,
    timeout: float | None = None,
    doing: str = "",
    hint: str | None = None,
) -> tuple[Response, object]:
    """One request on a fresh connection (``Connection: close``), its response read under
    ``timeout``; returns (response, transcript).  A response that is not HTTP fails the case
    (a crash when the server died of the request)."""
    headers = {"Host": host_header(server)} if version == "HTTP/1.1" else {}
    headers["Connection"] = "close"
    data = (
        raw if raw is not None else request_bytes(method, target, version=version, headers=headers)
    )
    line = data.split(b"\r\n")[0]
    doing = doing or f"answering {line.decode('latin-1')!r}"
    with connect(server, timeouts.connect, doing=doing) as stream:
        stream.send(data, timeout=timeouts.io)
        try:
            response = read_response(stream, timeout=timeout or timeouts.io, method=method)
        except BadResponse as exc:
            server.ensure_alive(doing)
            raise Mismatch(
                expected=f"an HTTP response to {line!r}",
                actual=exc.problem,
                hint=hint or _bad_response_hint(exc),
                transcript=stream.transcript,
                extra=_server_output(server, exc),
            ) from None
        return response, stream.transcript


def _server_output(server, exc: BadResponse) -> str:
    """A server that closed without answering most likely raised in its handler: its
    output says what."""
    if exc.received or not exc.problem.startswith("no response"):
        return ""
    tail = server.output_tail()
    return f"server output (last lines):\n{tail}" if tail else ""


def _bad_response_hint(exc: BadResponse) -> str:
    if exc.received and not exc.received.startswith(b"HTTP/"):
        return (
            "every response starts with a status line, 'HTTP/1.1 400 Bad Request': "
            "http.server answers a request line it cannot parse in HTTP/0.9 style (a bare "
            "body) unless the handler sets default_request_version = 'HTTP/1.0'"
        )
    if exc.problem.startswith("no response") and "closed" in exc.problem:
        return (
            "the server closed the connection without answering: most likely an exception "
            "in the handler (see the server's output); catch it and answer with an error "
            "status"
        )
    if exc.problem.startswith("no response"):
        return "answer every request at once: the server accepted the connection and sent nothing"
    if "bare \\n" in exc.problem:
        return "write '\\r\\n' at the end of the status line and of every header line"
    if "Content-Length" in exc.problem:
        return (
            "either the Content-Length is wrong (it is the size of the file actually sent, "
            "taken from that file after choosing index.html, in bytes) or the body was cut "
            "short (send the whole file: sendall(), or a loop on send()'s return value; a "
            "single send() on a socket with a timeout sends only what fits in the buffer)"
        )
    if "that was all within" in exc.problem:
        return "write the whole response as soon as it is ready: never sleep between writes"
    return "end the header block with an empty line and frame the body by Content-Length"


def expect_status(response: Response, wanted: tuple[int, ...], transcript, hint: str) -> None:
    if response.status not in wanted:
        raise Mismatch(
            expected=" or ".join(str(w) for w in wanted),
            actual=response.status_line(),
            hint=hint,
            transcript=transcript,
        )


def expect_file(response: Response, content: bytes, transcript, *, what: str) -> None:
    """200, the exact bytes, and a Content-Length equal to the size."""
    expect_status(response, (200,), transcript, f"serve {what} with 200 OK")
    length = response.header("Content-Length")
    if response.body != content:
        announced = (
            f", as its Content-Length: {length} announced (the file has {len(content)})"
            if length is not None and length != str(len(content))
            else " (different ones)"
            if response.body_length == len(content)
            else ""
        )
        raise Mismatch(
            expected=f"the {len(content)} bytes of {what}",
            actual=f"{response.body_length} bytes{announced}",
            hint="open the file in binary mode ('rb') and send its bytes unchanged; "
            "Content-Length counts the bytes sent, not the characters of a str",
            transcript=transcript,
        )
    if length != str(len(content)):
        raise Mismatch(
            expected=f"Content-Length: {len(content)} (the file's size)",
            actual=f"Content-Length: {length}" if length is not None else "no Content-Length",
            hint="send Content-Length: the file's size in bytes (os.fstat(f.fileno()).st_size)"
            if length is None
            else "Content-Length is the size in bytes (os.fstat(f.fileno()).st_size), not "
            "the length of a decoded str",
            transcript=transcript,
        )


def still_serving(server, timeouts, docroot, after: str, hint: str) -> None:
    """A fresh request for page.html is still answered: the server survived ``after``."""
    try:
        response, transcript = exchange(server, timeouts, "/page.html", doing=f"after {after}")
    except ServerDied:
        raise died_after(server, after, hint) from None
    except Mismatch as exc:
        exc.expected = f"after {after}, GET /page.html to be answered: {exc.expected}"
        raise
    try:
        expect_file(response, docroot.content("page.html"), transcript, what="page.html")
    except Mismatch as exc:
        exc.expected = f"after {after}, GET /page.html: {exc.expected}"
        raise


TYPES = {
    # case: (file, Content-Type)
    "html": ("page.html", "text/html"),
    "png": ("image.png", "image/png"),
    "binary": ("data.bin", "application/octet-stream"),
    "text": ("notes.txt", "text/plain"),
    # A query string is not part of the file's name.
    "query": ("page.html", "text/html"),
}
QUERY = "?v=2&q=a%20b"


@requirement(
    "http.static/get-file",
    MUST,
    "GET of a file under root MUST answer 200 with the file's exact bytes, Content-Length "
    "equal to its size and Content-Type by its extension (for data of no known type, "
    "application/octet-stream or none: RFC 9110 8.3); a query string is not part of the name.",
    seed=SEED,
)
@pytest.mark.parametrize("kind", list(TYPES))
def test_get_file(server, docroot, timeouts, kind):
    name, content_type = TYPES[kind]
    target = f"/{name}{QUERY if kind == 'query' else ''}"
    response, transcript = exchange(server, timeouts, target)
    if kind == "query" and response.status == 404:
        raise Mismatch(
            expected=f"page.html for {target}",
            actual=response.status_line(),
            hint="the query string is not part of the path: split the target at '?' "
            "(urllib.parse.urlsplit(target).path) before mapping it to a file",
            transcript=transcript,
        )
    expect_file(response, docroot.content(name), transcript, what=name)
    got = (response.header("Content-Type") or "").split(";")[0].strip().lower()
    if not got and kind == "binary":
        # RFC 9110 8.3: a sender that does not know the type may omit the field, and the
        # recipient may then assume application/octet-stream, which is what was asked.
        return
    if got != content_type:
        raise Mismatch(
            expected=f"Content-Type: {content_type} (for .{name.rsplit('.', 1)[1]})",
            actual=f"Content-Type: {response.header('Content-Type')}",
            hint="guess it from the extension: mimetypes.guess_type(path)[0], "
            "application/octet-stream when unknown",
            transcript=transcript,
        )


@requirement(
    "http.static/head",
    MUST,
    "HEAD MUST answer with the same status and headers as GET (Content-Length and "
    "Content-Type included) and no body.",
    seed=SEED,
)
@pytest.mark.parametrize("kind", ["html", "png"])
def test_head(server, docroot, timeouts, kind):
    name, _ = TYPES[kind]
    got, _ = exchange(server, timeouts, f"/{name}")
    headers = {"Host": host_header(server), "Connection": "close"}
    with connect(server, timeouts.connect, doing="answering HEAD") as stream:
        stream.send(request_bytes("HEAD", f"/{name}", headers=headers), timeout=timeouts.io)
        try:
            response = read_response(stream, timeout=timeouts.io, method="HEAD")
        except BadResponse as exc:
            server.ensure_alive("answering HEAD")
            raise Mismatch(
                expected="the headers of a HEAD response",
                actual=exc.problem,
                hint=_bad_response_hint(exc),
                transcript=stream.transcript,
            ) from None
        # Whatever follows the header block before the server closes is a body: none is allowed.
        stream.pump(timeout=timeouts.io, until_eof=True)
        leaked = stream.take()
        transcript = stream.transcript
    expect_status(response, (got.status,), transcript, "HEAD answers like GET")
    for field in ("Content-Length", "Content-Type"):
        if response.header(field) != got.header(field):
            raise Mismatch(
                expected=f"{field}: {got.header(field)} (as for GET)",
                actual=f"{field}: {response.header(field)}",
                hint="HEAD sends exactly the headers GET would, Content-Length included",
                transcript=transcript,
            )
    if leaked:
        raise Mismatch(
            expected="no body after the headers of a HEAD response",
            actual=f"{len(leaked)} bytes followed the headers: {leaked[:40]!r}",
            hint="for HEAD, send the status line and headers only (do_HEAD: send_head() "
            "without copying the file)",
            transcript=transcript,
        )


@requirement(
    "http.static/not-found",
    MUST,
    "A request for a file that does not exist MUST answer 404.",
    seed=SEED,
)
@pytest.mark.parametrize(
    "target", ["/no-such-file.html", "/no-such-dir/x.txt"], ids=["missing-file", "missing-dir"]
)
def test_not_found(server, timeouts, target):
    response, transcript = exchange(server, timeouts, target)
    expect_status(
        response,
        (404,),
        transcript,
        "catch the missing file (FileNotFoundError, or os.path.isfile first) and answer "
        "404 Not Found",
    )


@requirement(
    "http.static/unsupported-method",
    MUST,
    "A method the server does not recognise MUST answer 501 (the course's rule; RFC 9110 9.1 "
    "makes it a SHOULD); a known method it does not allow on a file (DELETE) 405 with the "
    "Allow header RFC 9110 15.5.6 requires, or 501.",
    seed=SEED + "; 000 'HTTP Explained'",
)
@pytest.mark.parametrize("method", ["BREW", "DELETE"])
def test_unsupported_method(server, docroot, timeouts, method):
    response, transcript = exchange(server, timeouts, "/page.html", method=method)
    if method == "BREW":
        expect_status(
            response,
            (501,),
            transcript,
            "answer 501 Not Implemented to a method you do not recognise (RFC 9110 9.1: "
            "'unrecognized or not implemented' methods get 501); http.server does so for "
            "any method without a do_<METHOD>",
        )
    else:
        expect_status(
            response,
            (405, 501),
            transcript,
            "answer 405 Method Not Allowed (with Allow: GET, HEAD) or 501 to a method you "
            "do not support",
        )
        if response.status == 405 and response.header("Allow") is None:
            raise Mismatch(
                expected="an Allow header in the 405 response (RFC 9110 15.5.6: MUST)",
                actual="no Allow header",
                hint="send Allow: GET, HEAD with a 405",
                transcript=transcript,
            )
    if (docroot.root / "page.html").read_bytes() != docroot.content("page.html"):
        raise Mismatch(
            expected="page.html unchanged",
            actual=f"{method} changed or removed it",
            hint="serve files; never change them",
        )


MALFORMED = {
    "one-word": b"GARBAGE\r\n\r\n",
    "bad-version": b"GET /page.html HTTP/abc\r\nHost: x\r\n\r\n",
    "extra-words": b"GET /page.html HTTP/1.1 trailing words\r\nHost: x\r\n\r\n",
}


@requirement(
    "http.static/malformed-request",
    MUST,
    "A malformed request line MUST answer 400, and the server MUST keep serving.",
    seed=SEED,
)
@pytest.mark.parametrize("kind", list(MALFORMED))
def test_malformed_request(server, docroot, timeouts, kind):
    data = MALFORMED[kind]
    hint = (
        "split the request line into exactly three words (method, target, HTTP/x.y) and "
        "answer 400 Bad Request when it does not; catch the error inside the handler"
    )
    try:
        response, transcript = exchange(
            server, timeouts, "", raw=data, doing=f"answering the malformed {data[:30]!r}"
        )
    except ServerDied:
        raise died_after(server, f"the malformed request {data[:30]!r}", hint) from None
    expect_status(response, (400,), transcript, hint)
    still_serving(server, timeouts, docroot, f"the malformed request {data[:30]!r}", hint)


def escapes(docroot) -> dict[str, str]:
    absolute = docroot.secret_path.as_posix()
    return {
        "dotdot": "/../outside/secret.txt",
        "nested-dotdot": "/docs/../../outside/secret.txt",
        "encoded-dotdot": "/%2e%2e/outside/secret.txt",
        "encoded-mixed": "/.%2E/outside/secret.txt",
        "encoded-slash": "/..%2foutside%2fsecret.txt",
        "double-encoded": "/%252e%252e/outside/secret.txt",
        "absolute": "/" + absolute,
        "encoded-absolute": "/" + absolute.replace("/", "%2F"),
        # The classic truncation: a check on the name's end, then a C string that stops at
        # the NUL.  In Python, open() raises ValueError on it.
        "nul-byte": "/../outside/secret.txt%00.html",
    }


ESCAPE_CASES = [
    "dotdot",
    "nested-dotdot",
    "encoded-dotdot",
    "encoded-mixed",
    "encoded-slash",
    "double-encoded",
    "absolute",
    "encoded-absolute",
    "nul-byte",
]


@requirement(
    "http.static/no-escape",
    MUST,
    "The server MUST never serve anything outside root: not through '..', percent-encoded "
    "'..' or '/', an absolute path or a NUL byte (%00); and it MUST answer and keep serving.",
    seed=SEED,
)
@pytest.mark.parametrize("kind", ESCAPE_CASES)
def test_no_escape(server, docroot, timeouts, kind):
    target = escapes(docroot)[kind]
    hint = (
        "decode the path, join it under root, then resolve it (os.path.realpath) and refuse "
        "(403 or 404) anything not inside os.path.realpath(root); never join an absolute "
        "path (os.path.join(root, '/etc/passwd') is '/etc/passwd')"
    )
    if kind == "nul-byte":
        hint = (
            "a NUL byte (%00) in a path makes open() and os.stat() raise ValueError: catch "
            "it and answer 400 or 404 (http.server lets it escape, and the client gets no "
            "response at all)"
        )
    try:
        response, transcript = exchange(
            server, timeouts, target, hint=hint if kind == "nul-byte" else None
        )
    except ServerDied:
        raise died_after(server, f"the request for {target}", hint) from None
    if docroot.secret in response.body:
        raise Mismatch(
            expected=f"no file outside root for {target!r} (400, 403 or 404)",
            actual=f"{response.status_line()} with the content of {docroot.secret_path} "
            "(a file beside the document root)",
            hint=hint,
            transcript=transcript,
        )
    if response.status >= 500:
        raise Mismatch(
            expected=f"400, 403 or 404 for {target!r}",
            actual=response.status_line(),
            hint=hint,
            transcript=transcript,
        )
    still_serving(server, timeouts, docroot, f"the request for {target}", hint)


@requirement(
    "http.static/percent-decode",
    MUST,
    "The server MUST percent-decode the path: a file name with a space, a non-ASCII name (UTF-8).",
    seed=SEED,
)
@pytest.mark.parametrize(
    ("kind", "target", "name"),
    [
        ("space", "/with%20space.txt", "with space.txt"),
        ("non-ascii", "/caf%C3%A9.txt", "café.txt"),
    ],
    ids=["space", "non-ascii"],
)
def test_percent_decode(server, docroot, timeouts, kind, target, name):
    response, transcript = exchange(server, timeouts, target)
    if response.status == 404:
        raise Mismatch(
            expected=f"the file {name!r} for {target}",
            actual=response.status_line(),
            hint=HINT_DECODE + " (UTF-8: unquote's default)",
            transcript=transcript,
        )
    expect_file(response, docroot.content(name), transcript, what=repr(name))


INDEXES = {
    "directory": ("/docs/", "docs/index.html"),
    "nested": ("/docs/guide/", "docs/guide/index.html"),
}


@requirement(
    "http.static/index-html",
    MUST,
    "A request for a directory MUST serve its index.html (with or without the trailing "
    "slash: a redirect to it is fine); a directory without one gets a listing, 403 or 404, "
    "never an error.",
    seed=SEED,
)
@pytest.mark.parametrize("kind", ["directory", "nested", "no-slash", "no-index"])
def test_index_html(server, docroot, timeouts, kind):
    if kind in INDEXES:
        target, name = INDEXES[kind]
        response, transcript = exchange(server, timeouts, target)
        expect_file(response, docroot.content(name), transcript, what=name)
        return
    if kind == "no-slash":
        response, transcript = exchange(server, timeouts, "/docs")
        if response.status in (301, 302, 307, 308):
            location = response.header("Location") or ""
            # Relative references resolve against the request's URL (RFC 9110 10.2.2).
            resolved = urlsplit(urljoin(f"http://{host_header(server)}/docs", location)).path
            if resolved == "/docs/":
                return
            raise Mismatch(
                expected="a redirect to /docs/",
                actual=f"{response.status_line()}, Location: {location!r}",
                hint="redirect a directory without its trailing slash to the same path "
                "with one (301, Location: /docs/)",
                transcript=transcript,
            )
        if response.status != 200:
            raise Mismatch(
                expected="a redirect to /docs/ (301) or 200 with docs/index.html",
                actual=response.status_line(),
                hint="'/docs' is a directory: check os.path.isdir() on the mapped path, not "
                "whether the URL ends with '/', then redirect to '/docs/' or serve its "
                "index.html",
                transcript=transcript,
            )
        expect_file(
            response, docroot.content("docs/index.html"), transcript, what="docs/index.html"
        )
        return
    response, transcript = exchange(server, timeouts, "/plain/")
    expect_status(
        response,
        (200, 403, 404),
        transcript,
        "a directory without index.html: list it (200), or refuse (403) or 404; never "
        "crash on reading a directory as a file (IsADirectoryError)",
    )


@requirement(
    "http.static/http-versions",
    MUST,
    "The server MUST answer HTTP/1.0 requests (no Host header; the connection closed after "
    "the response) and HTTP/1.1 requests.",
    seed=SEED,
)
@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_http_versions(server, docroot, timeouts, version):
    if version == "1.1":
        response, transcript = exchange(server, timeouts, "/page.html")
    else:
        # The seed's request: no Host, no Connection header.  HTTP/1.0 connections do not
        # persist unless the client asks (RFC 9112 9.3), so the response ends at EOF.
        with connect(server, timeouts.connect, doing="answering HTTP/1.0") as stream:
            stream.send(b"GET /page.html HTTP/1.0\r\n\r\n", timeout=timeouts.io)
            try:
                response = read_response(stream, timeout=timeouts.io)
            except BadResponse as exc:
                server.ensure_alive("answering HTTP/1.0")
                raise Mismatch(
                    expected="an HTTP response to b'GET /page.html HTTP/1.0'",
                    actual=exc.problem,
                    hint=_bad_response_hint(exc),
                    transcript=stream.transcript,
                    extra=_server_output(server, exc),
                ) from None
            stream.pump(timeout=timeouts.io, until_eof=True)
            if not stream.eof:
                announced = response.header("Connection")
                raise Mismatch(
                    expected="the connection closed after the response to an HTTP/1.0 "
                    "request that did not ask to keep it alive",
                    actual=f"it stayed open for {timeouts.io:.1f} s after the response"
                    + (f" (which said Connection: {announced})" if announced else ""),
                    hint="HTTP/1.0 connections end with the response unless the request "
                    "says Connection: keep-alive (RFC 9112 9.3): close the connection",
                    transcript=stream.transcript,
                )
            transcript = stream.transcript
    if not response.version.startswith("HTTP/1."):
        raise Mismatch(
            expected="an HTTP/1.x status line",
            actual=response.status_line(),
            hint="answer with 'HTTP/1.0' or 'HTTP/1.1' status lines",
            transcript=transcript,
        )
    if version == "1.0" and response.status == 400:
        raise Mismatch(
            expected="200 with page.html",
            actual=response.status_line(),
            hint="an HTTP/1.0 request may come without a Host header: require Host only "
            "from HTTP/1.1 requests (RFC 9112 3.2)",
            transcript=transcript,
        )
    expect_file(response, docroot.content("page.html"), transcript, what="page.html")


@requirement(
    "http.static/large-file",
    MUST,
    "The server MUST serve a 64 MiB file completely, to a client that reads slowly at first.",
    seed=SEED + "; 000 'TCP Server' (partial writes)",
)
def test_large_file(server, docroot, timeouts):
    headers = {"Host": host_header(server), "Connection": "close"}
    with connect(server, timeouts.connect, rcvbuf=64 * 1024, doing="serving big.bin") as stream:
        stream.send(request_bytes("GET", "/big.bin", headers=headers), timeout=timeouts.io)
        stream.transcript.note(f"reads nothing for {timeouts.stall_pause:.1f} s")
        time.sleep(timeouts.stall_pause)  # the server's writes back up: a partial send() for sure
        try:
            response = read_response(stream, timeout=timeouts.bulk, keep_body=0)
        except BadResponse as exc:
            server.ensure_alive("serving big.bin")
            raise Mismatch(
                expected=f"all {BIG_SIZE} bytes of big.bin",
                actual=exc.problem,
                hint=_bad_response_hint(exc),
                transcript=stream.transcript,
            ) from None
        transcript = stream.transcript
    expect_status(response, (200,), transcript, "serve big.bin with 200 OK")
    if response.body_length != BIG_SIZE or response.body_sha256 != docroot.big_sha256:
        raise Mismatch(
            expected=f"the {BIG_SIZE} bytes of big.bin",
            actual=f"{response.body_length} bytes"
            + (" (different ones)" if response.body_length == BIG_SIZE else ""),
            hint="copy the file in pieces (shutil.copyfileobj(f, wfile), or read 64 KiB and "
            "sendall() it, in a loop): never read() 64 MiB at once into one send()",
            transcript=transcript,
        )
    if response.header("Content-Length") != str(BIG_SIZE):
        raise Mismatch(
            expected=f"Content-Length: {BIG_SIZE}",
            actual=f"Content-Length: {response.header('Content-Length')}"
            if response.header("Content-Length") is not None
            else "no Content-Length",
            hint="send Content-Length: the file's size in bytes (os.fstat(f.fileno()).st_size)",
            transcript=transcript,
        )


BLOCKERS = {
    "idle-connection": "keeps its connection idle",
    "slow-request": "has sent half its request",
    "stalled-download": "stopped reading a 64 MiB download",
}


@requirement(
    "http.static/concurrent-clients",
    MUST,
    "The server MUST serve a client while another keeps its connection idle, trickles its "
    "request, or stops reading a 64 MiB download.",
    seed=SEED + "; 000 'Threaded Server'",
)
@pytest.mark.parametrize("blocker", list(BLOCKERS))
def test_concurrent_clients(server, docroot, timeouts, blocker):
    rcvbuf = 16 * 1024 if blocker == "stalled-download" else None
    first = connect(server, timeouts.connect, rcvbuf=rcvbuf, doing="accepting a first client")
    with first:
        if blocker == "slow-request":
            first.send(b"GET /page.html HTTP/1.1\r\nHost: x\r\n", timeout=timeouts.io)
            first.transcript.note("sends half a request, then nothing")
        elif blocker == "stalled-download":
            first.send(
                request_bytes("GET", "/big.bin", headers={"Host": host_header(server)}),
                timeout=timeouts.io,
            )
            first.transcript.note("asks for big.bin and never reads")
        else:
            first.transcript.note("connects and sends nothing")
        # The schedule: the first client holds the server (a blocking read, a full send
        # buffer) before the second one asks.
        time.sleep(timeouts.stall_pause)
        try:
            response, transcript = exchange(
                server, timeouts, "/page.html", doing=f"while another client {BLOCKERS[blocker]}"
            )
        except Mismatch as exc:
            if exc.actual.startswith("no response"):
                exc.hint = (
                    "serve each connection in its own thread (ThreadingHTTPServer, "
                    "socketserver.ThreadingMixIn) or with an event loop, and hold no lock "
                    "while reading or sending: one connection that waits must not stop the "
                    "others"
                )
            exc.expected = f"{exc.expected}, while another client {BLOCKERS[blocker]}"
            raise
    expect_file(response, docroot.content("page.html"), transcript, what="page.html")


@requirement(
    "http.static/keep-alive",
    SHOULD,
    "The server SHOULD keep an HTTP/1.1 connection open for a second request.",
    seed=SEED,
)
def test_keep_alive(server, docroot, timeouts):
    headers = {"Host": host_header(server)}
    with connect(server, timeouts.connect, doing="keeping a connection alive") as stream:
        for name in ("page.html", "notes.txt"):
            stream.send(request_bytes("GET", f"/{name}", headers=headers), timeout=timeouts.io)
            try:
                response = read_response(stream, timeout=timeouts.io)
            except BadResponse as exc:
                server.ensure_alive("answering a second request on one connection")
                raise Mismatch(
                    expected=f"a response to GET /{name} on the same HTTP/1.1 connection",
                    actual=exc.problem,
                    hint="HTTP/1.1 connections persist unless a side says Connection: close: "
                    "frame every response by Content-Length and read the next request "
                    "(http.server: protocol_version = 'HTTP/1.1')",
                    transcript=stream.transcript,
                ) from None
            expect_file(response, docroot.content(name), stream.transcript, what=name)
