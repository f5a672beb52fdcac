"""cgi.script: a CGI/1.1 program (RFC 3875) that answers GET and POST with a JSON account of
the request, and any other method with ``Status: 405``.

The suite is the CGI server (``fixtures.cgigateway``): each case runs the program once with
the RFC 3875 meta-variables as its environment and the body on its stdin, **which stays
open**: a server owes the script CONTENT_LENGTH bytes, not an end-of-file, so a script that
reads to EOF waits forever and is stopped at roles.md's 2 s.  The body may come in pieces,
and bytes that are not the script's may follow it.  The program's stdout is parsed as a CGI
response: header lines (LF or CRLF), a blank line, the body.
"""

from __future__ import annotations

import json

import pytest

from fixtures.cgigateway import BadCgiOutput, CgiRequest, CgiResponse, CgiRun, parse_response
from fixtures.errors import Mismatch
from fixtures.requirements import MUST, requirement
from fixtures.transcript import preview

SEED = "000 'CGI Mechanics', 'Classic CGI Interface'"
FORM = "application/x-www-form-urlencoded"
REMOTE = "203.0.113.7"  # TEST-NET-3: a value the script can only have from REMOTE_ADDR
KEYS = {
    "method": str,
    "path": str,
    "query": dict,
    "form": dict,
    "cookies": dict,
    "remote_addr": str,
}
HINT_READ = (
    "read exactly CONTENT_LENGTH bytes: n = int(os.environ.get('CONTENT_LENGTH') or 0); "
    "body = sys.stdin.buffer.read(n). The server keeps stdin open, so reading to EOF "
    "(sys.stdin.read(), for line in sys.stdin; cat in sh) waits forever, and one os.read() "
    'may return only part of the body (in sh: head -c "$CONTENT_LENGTH")'
)
HINT_PARSE = (
    "decode with urllib.parse.parse_qs(text): '+' is a space, %XX are UTF-8 bytes, and a "
    "repeated name keeps every value, in order"
)
HINT_FORMAT = (
    "print the header block first: 'Content-Type: application/json', then an empty line, "
    "then the JSON object (print('Content-Type: application/json'); print(); "
    "print(json.dumps(result)))"
)


def post(body: str, **fields: object) -> CgiRequest:
    return CgiRequest(method="POST", body=body.encode(), content_type=FORM, **fields)  # type: ignore[arg-type]


def finished(run: CgiRun, request: CgiRequest) -> None:
    """The program ended in time; otherwise the case fails with why."""
    if run.hung:
        raise Mismatch(
            expected="the program to print its response and exit within 2 s",
            actual=f"it {run.describe()}",
            hint=HINT_READ
            if run.blocked_on_stdin
            else "a CGI program handles one request and exits",
            extra=f"the request: {request.describe()}" + _stderr(run),
        )


def _stderr(run: CgiRun) -> str:
    return f"\nits stderr (last lines):\n{run.stderr}" if run.stderr.strip() else ""


def response_of(run: CgiRun, request: CgiRequest, format_hint: str = HINT_FORMAT) -> CgiResponse:
    finished(run, request)
    try:
        return parse_response(run.stdout)
    except BadCgiOutput as exc:
        crashed = run.exit_code not in (0, None)
        raise Mismatch(
            expected="a CGI response: header lines, an empty line, the body",
            actual=f"the program {exc.problem}"
            + (f"; it {run.describe()}" if crashed else "")
            + f"; stdout: {preview(run.stdout, 300)}",
            hint="it crashed: its stderr says where"
            if crashed and run.stderr.strip()
            else format_hint,
            extra=f"the request: {request.describe()}" + _stderr(run),
        ) from None


def json_answer(cgi_program, timeouts, request: CgiRequest, **delivery) -> tuple[dict, CgiRun]:
    """Run the program; its response must be a 200 JSON document with the six keys."""
    run = cgi_program.run(request, timeouts.cgi_end, **delivery)
    response = response_of(run, request)
    context = f"the request: {request.describe()}" + _stderr(run)
    media = (response.header("Content-Type") or "").split(";")[0].strip().lower()
    if response.status != 200 or media != "application/json":
        raise Mismatch(
            expected=f"status 200 with Content-Type: application/json for {request.method}",
            actual=f"status {response.status}, Content-Type: "
            f"{response.header('Content-Type')!r}; headers {response.headers}",
            hint=HINT_FORMAT,
            extra=context,
        )
    try:
        data = json.loads(response.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Mismatch(
            expected="a JSON object (UTF-8) after the blank line",
            actual=f"{preview(response.body, 300)} ({type(exc).__name__}: {exc})",
            hint="json.dumps(...) the whole result once and print nothing else after the headers",
            extra=context,
        ) from None
    wrong = (
        [
            f"{key!r} is missing" if key not in data else f"{key!r} is a {type(data[key]).__name__}"
            for key, kind in KEYS.items()
            if not isinstance(data.get(key), kind)
        ]
        if isinstance(data, dict)
        else [f"a JSON {type(data).__name__}, not an object"]
    )
    if wrong:
        raise Mismatch(
            expected="a JSON object with method, path, remote_addr (strings) and query, form, "
            "cookies (objects)",
            actual=f"{preview(response.body, 300)}: {'; '.join(wrong)}",
            hint="roles.md, cgi.script: {'method', 'path', 'query', 'form', 'cookies', "
            "'remote_addr'}",
            extra=context,
        )
    return data, run


def expect_field(data: dict, key: str, expected: object, request: CgiRequest, hint: str) -> None:
    if data[key] != expected:
        raise Mismatch(
            expected=f"{key!r}: {json.dumps(expected, ensure_ascii=False)}",
            actual=f"{key!r}: {json.dumps(data[key], ensure_ascii=False)[:600]}",
            hint=hint,
            extra=f"the request: {request.describe()}",
        )


def expect_pairs(
    data: dict, key: str, expected: dict, request: CgiRequest, blank=(), hint: str = HINT_PARSE
) -> None:
    """``data[key]`` is ``expected``; names in ``blank`` had an empty value, which may be
    kept as [""] or dropped (parse_qs's keep_blank_values either way)."""
    got = dict(data[key])
    for name in blank:
        if got.get(name) == [""]:
            del got[name]
    expect_field({key: got}, key, expected, request, hint)


@requirement(
    "cgi.script/response",
    MUST,
    "For GET and POST the program MUST print a CGI response: 'Content-Type: "
    "application/json', an empty line, and a JSON object with the keys method, path, query, "
    "form, cookies and remote_addr.",
    seed=SEED,
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_response(cgi_program, timeouts, method):
    request = (
        CgiRequest(query="a=1", remote_addr=REMOTE) if method == "GET" else post("a=1", query="")
    )
    json_answer(cgi_program, timeouts, request)


@requirement(
    "cgi.script/request-info",
    MUST,
    "'method' MUST be REQUEST_METHOD, 'path' PATH_INFO (empty when there is none) and "
    "'remote_addr' REMOTE_ADDR, non-ASCII path text included.",
    seed=SEED,
)
@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/some/where", id="GET"),
        pytest.param("POST", "/submit", id="POST"),
        pytest.param("GET", "/café/日本", id="non-ascii-path"),
        pytest.param("GET", "", id="no-path-info"),
    ],
)
def test_request_info(cgi_program, timeouts, method, path):
    request = CgiRequest(method=method, path_info=path, query="", remote_addr=REMOTE)
    if method == "POST":
        request = post("x=1", path_info=path, query="", remote_addr=REMOTE)
    data, _ = json_answer(cgi_program, timeouts, request)
    hint = "take them from os.environ: REQUEST_METHOD, PATH_INFO (may be missing), REMOTE_ADDR"
    expect_field(data, "method", method, request, hint)
    expect_field(data, "path", path, request, hint)
    expect_field(data, "remote_addr", REMOTE, request, hint)


QUERIES = {
    "simple": ("a=1&b=two", {"a": ["1"], "b": ["two"]}, ()),
    "repeated": ("tag=x&n=1&tag=y&tag=z", {"tag": ["x", "y", "z"], "n": ["1"]}, ()),
    "percent-encoded": (
        "sym=%26%3D%2B%25&path=%2Fetc%2Fpasswd",
        {"sym": ["&=+%"], "path": ["/etc/passwd"]},
        (),
    ),
    "plus-is-space": ("q=hello+world&r=a%20b", {"q": ["hello world"], "r": ["a b"]}, ()),
    "non-ascii": (
        "name=Jos%C3%A9&city=M%C3%BCnchen&word=%E6%97%A5%E6%9C%AC",
        {"name": ["José"], "city": ["München"], "word": ["日本"]},
        (),
    ),
    "blank-value": ("a=&b=1", {"b": ["1"]}, ("a",)),
}


@requirement(
    "cgi.script/query",
    MUST,
    "'query' MUST map each name in QUERY_STRING to the list of its values, decoded like "
    "urllib.parse.parse_qs: '+' is a space, percent-escapes are UTF-8, repeated names keep "
    "every value in order.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(QUERIES))
def test_query(cgi_program, timeouts, case_name):
    query, expected, blank = QUERIES[case_name]
    request = CgiRequest(query=query, remote_addr=REMOTE)
    data, _ = json_answer(cgi_program, timeouts, request)
    expect_pairs(data, "query", expected, request, blank)
    expect_field(data, "form", {}, request, "a GET has no form: 'form' is {}")


FORMS = {
    "simple": ("name=Ann&age=42", {"name": ["Ann"], "age": ["42"]}),
    "repeated": ("pick=1&pick=2&other=x&pick=3", {"pick": ["1", "2", "3"], "other": ["x"]}),
    "percent-encoded": (
        "text=a%26b%3Dc&url=http%3A%2F%2Fx.test%2F%3Fq%3D1",
        {"text": ["a&b=c"], "url": ["http://x.test/?q=1"]},
    ),
    "non-ascii": ("city=Z%C3%BCrich&greeting=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", None),
    "plus-is-space": ("msg=good+morning+all", {"msg": ["good morning all"]}),
}
FORMS["non-ascii"] = (FORMS["non-ascii"][0], {"city": ["Zürich"], "greeting": ["привет"]})


@requirement(
    "cgi.script/form",
    MUST,
    "For a POST with an application/x-www-form-urlencoded body, 'form' MUST map each name to "
    "the list of its values (decoded like the query), separate from 'query'.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", [*FORMS, "with-query"])
def test_form(cgi_program, timeouts, case_name):
    if case_name == "with-query":
        request = post("name=Ann", query="page=2", remote_addr=REMOTE)
        expected, query = {"name": ["Ann"]}, {"page": ["2"]}
    else:
        body, expected = FORMS[case_name]
        request, query = post(body, query="", remote_addr=REMOTE), {}
    data, _ = json_answer(cgi_program, timeouts, request)
    separate = "'form' holds the body's fields only, 'query' those of QUERY_STRING"
    expect_pairs(data, "form", expected, request, hint=separate if query else HINT_PARSE)
    expect_pairs(data, "query", query, request, hint=separate if query else HINT_PARSE)


COOKIES = {
    "one": ("session=abc123", {"session": "abc123"}),
    "several": ("a=1; b=two; theme=dark", {"a": "1", "b": "two", "theme": "dark"}),
    "no-spaces": ("x=1;y=2", {"x": "1", "y": "2"}),
}


@requirement(
    "cgi.script/cookies",
    MUST,
    "'cookies' MUST map each cookie name in HTTP_COOKIE to its value.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(COOKIES))
def test_cookies(cgi_program, timeouts, case_name):
    header, expected = COOKIES[case_name]
    request = CgiRequest(query="", headers={"Cookie": header}, remote_addr=REMOTE)
    data, _ = json_answer(cgi_program, timeouts, request)
    expect_field(
        data,
        "cookies",
        expected,
        request,
        "split HTTP_COOKIE on ';', each part on the first '=', strip spaces "
        "(http.cookies.SimpleCookie(os.environ.get('HTTP_COOKIE', '')))",
    )


@requirement(
    "cgi.script/other-methods",
    MUST,
    "Any method other than GET and POST MUST get 'Status: 405' (and the program still ends "
    "within 2 s without reading a body it was not asked to parse).",
    seed=SEED,
)
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods(cgi_program, timeouts, method):
    body = b"a=1" if method in ("PUT", "PATCH") else b""
    request = CgiRequest(method=method, body=body, query="", remote_addr=REMOTE)
    if body:
        request.content_type = FORM
    run = cgi_program.run(request, timeouts.cgi_end)
    response = response_of(
        run,
        request,
        "print 'Status: 405 Method Not Allowed', then an empty line (a header block always "
        "ends with one)",
    )
    if response.status != 405:
        raise Mismatch(
            expected=f"'Status: 405' for {method}",
            actual=f"status {response.status} (headers {response.headers}); body "
            f"{preview(response.body, 200)}",
            hint="print('Status: 405 Method Not Allowed') and an empty line for any method "
            "but GET and POST",
            extra=f"the request: {request.describe()}",
        )


@requirement(
    "cgi.script/read-exact",
    MUST,
    "The program MUST read exactly CONTENT_LENGTH bytes of stdin, which the server keeps "
    "open, whether they come at once or in pieces and whatever follows them, and end within "
    "2 s.",
    seed="000 'Classic CGI Interface' (sys.stdin: read to get data sent by client)",
)
@pytest.mark.parametrize(
    "case_name",
    ["stdin-kept-open", "body-in-pieces", "bytes-after-body", "zero-length", "large", "get"],
)
def test_read_exact(cgi_program, timeouts, case_name):
    delivery: dict = {}
    expected: dict = {"a": ["1"], "b": ["2"]}
    request = post("a=1&b=2", query="", remote_addr=REMOTE)
    if case_name == "body-in-pieces":
        body = "first=1&second=2&third=3"
        request = post(body, query="", remote_addr=REMOTE)
        delivery = {"pieces": [body[:7].encode(), body[7:15].encode(), body[15:].encode()]}
        delivery["pause"] = 0.3
        expected = {"first": ["1"], "second": ["2"], "third": ["3"]}
    elif case_name == "bytes-after-body":
        delivery = {"trailing": b"&injected=not-the-body"}
    elif case_name == "zero-length":
        request, expected = post("", query="", remote_addr=REMOTE), {}
    elif case_name == "large":
        value = "".join(chr(ord("a") + i % 26) for i in range(200_000))
        request, expected = post(f"data={value}&end=1", query="", remote_addr=REMOTE), None
    elif case_name == "get":
        request, expected = CgiRequest(query="a=1", remote_addr=REMOTE), {}
    data, _ = json_answer(cgi_program, timeouts, request, **delivery)
    if case_name == "large":
        form = data["form"]
        got = {k: [len(v) for v in vs] for k, vs in form.items() if isinstance(vs, list)}
        if got != {"data": [200_000], "end": [1]}:
            raise Mismatch(
                expected="'form' with 'data' (one value of 200000 characters) and 'end'",
                actual=f"names and value lengths {got}",
                hint=HINT_READ,
                extra=f"the body was {len(request.body)} bytes; stdin delivers it in pieces",
            )
    else:
        hint = {
            "get": "a GET has no form: 'form' is {} (its fields are in 'query')",
            "bytes-after-body": HINT_READ
            + " ('injected' came from the bytes after the body, which are not the script's)",
        }.get(case_name, HINT_READ)
        expect_pairs(data, "form", expected, request, hint=hint)


@requirement(
    "cgi.script/missing-variables",
    MUST,
    "The program MUST handle missing or empty variables (no QUERY_STRING, an empty "
    "CONTENT_LENGTH, no HTTP_COOKIE, no CONTENT_TYPE) as empty values, not "
    "crash.",
    seed=SEED,
)
@pytest.mark.parametrize(
    "case_name",
    [
        "no-query-string",
        "empty-query-string",
        "no-cookie",
        "empty-content-length",
        "no-content-type",
    ],
)
def test_missing_variables(cgi_program, timeouts, case_name):
    request = CgiRequest(query="", remote_addr=REMOTE)
    if case_name == "no-query-string":
        request = CgiRequest(query=None, remote_addr=REMOTE)
    elif case_name == "empty-content-length":
        request = CgiRequest(query="", remote_addr=REMOTE, overrides={"CONTENT_LENGTH": ""})
    elif case_name == "no-content-type":
        request = CgiRequest(method="POST", body=b"a=1", query="", remote_addr=REMOTE)
    data, _ = json_answer(cgi_program, timeouts, request)
    hint = "use os.environ.get(name, '') for every variable a request may lack"
    if case_name != "no-content-type":
        expect_field(data, "form", {}, request, hint)
    expect_field(data, "query", {}, request, hint)
    expect_field(data, "cookies", {}, request, hint)
