"""Role drivers for the families the suites of later roles stand on: a WSGI callable (hosted
on a port, or called once under wsgiref.validate), a CGI program run by the suite as its CGI
server, a module of functions, and what a client's wrong return type is told."""

from __future__ import annotations

import http.client
import json
import time

import pytest

from fixtures.cgigateway import BadCgiOutput, CgiDriver, CgiRequest, parse_response
from fixtures.clients import ClientUnderTest
from fixtures.internal.ports import PortAllocator
from fixtures.manifest import load
from fixtures.roles import ROLES
from fixtures.servers import start_server
from fixtures.timeouts import BASE
from fixtures.wsgiapp import AppRequest, AppUnderTest

TIMEOUTS = BASE.scaled(1.0)


@pytest.fixture(scope="module")
def ports():
    return PortAllocator()


def request(server, method: str, path: str, body: bytes = b"") -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection(*server.address, timeout=TIMEOUTS.io)
    try:
        conn.request(
            method,
            path,
            body=body or None,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": "a=1"}
            if body
            else {"Cookie": "a=1"},
        )
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture
def hosted(ports, tmp_path, make_impl):
    started = []

    def host(role: str, toml: str, files: dict[str, str], **role_args: object):
        impl = load(make_impl(toml, files))
        port = ports.allocate()
        server = start_server(
            impl,
            role,
            port=port,
            workroot=tmp_path / "work",
            timeouts=TIMEOUTS,
            role_args=role_args,
        )
        started.append((server, port))
        return server

    yield host
    for server, port in started:
        server.stop(TIMEOUTS)
        port.release()


def test_wsgi_app_is_hosted_on_a_port(hosted):
    server = hosted(
        "wsgi.app",
        '[roles."wsgi.app"]\npython = "hello:app"\n',
        {
            "hello.py": """
        def app(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
            return [f"Hello World\\nYou requested: {environ['PATH_INFO']}".encode()]
    """
        },
    )
    status, headers, body = request(server, "GET", "/some/path")
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert body == b"Hello World\nYou requested: /some/path"


CGI = """
    import json, os, sys
    method = os.environ["REQUEST_METHOD"]
    if method not in ("GET", "POST"):
        sys.stdout.write("Status: 405 Method Not Allowed\\r\\n\\r\\n")
        sys.exit(0)
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    body = sys.stdin.buffer.read(length)  # exactly CONTENT_LENGTH: stdin stays open
    sys.stdout.write("Content-Type: application/json\\n\\n")
    json.dump({"env": {k: v for k, v in os.environ.items()}, "body": body.decode()}, sys.stdout)
"""


def cgi_impl(make_impl, source: str):
    impl = load(
        make_impl('[roles."cgi.script"]\ncommand = ["{python}", "app.py"]\n', {"app.py": source})
    )
    return CgiDriver(ROLES["cgi.script"]), impl


def test_cgi_program_gets_exactly_the_meta_variables_and_the_body(make_impl, tmp_path):
    driver, impl = cgi_impl(make_impl, CGI)
    request = CgiRequest(
        "POST",
        "/x/ü",
        "a=1&b=2",
        b"name=value",
        "application/x-www-form-urlencoded",
        {"Cookie": "a=1"},
        remote_addr="203.0.113.9",
    )
    run = driver.run(impl, tmp_path, TIMEOUTS, request, kill_after=TIMEOUTS.io)
    assert not run.hung and run.exit_code == 0, run.describe()
    response = parse_response(run.stdout)
    assert response.status == 200 and response.header("content-type") == "application/json"
    seen = json.loads(response.body)
    assert seen["body"] == "name=value"
    env = seen["env"]
    assert {k: env[k] for k in request.environment()} == request.environment()
    assert env["PATH_INFO"] == "/x/ü" and env["HTTP_COOKIE"] == "a=1"
    # Nothing of the harness's own environment but PATH and the locale.
    assert not [k for k in env if k.startswith(("PYTEST", "VIRTUAL_ENV", "PWD"))]
    other = driver.run(impl, tmp_path, TIMEOUTS, CgiRequest("DELETE"), kill_after=TIMEOUTS.io)
    assert parse_response(other.stdout).status == 405


def test_cgi_program_that_reads_to_eof_is_stopped_and_said_to_wait_on_stdin(make_impl, tmp_path):
    """stdin stays open (RFC 3875: read CONTENT_LENGTH bytes), so a program reading to EOF
    hangs: it is stopped at the deadline, and the run says it was blocked reading stdin."""
    driver, impl = cgi_impl(make_impl, "import sys\nsys.stdin.buffer.read()\nprint('too late')\n")
    started = time.monotonic()
    run = driver.run(impl, tmp_path, TIMEOUTS, CgiRequest("POST", body=b"a=1"), kill_after=0.5)
    assert run.hung and run.blocked_on_stdin and run.stdout == b""
    assert time.monotonic() - started < 0.5 + TIMEOUTS.stop_grace + TIMEOUTS.stop_kill + 0.5


def test_cgi_body_in_pieces_arrives_whole_and_trailing_bytes_follow(make_impl, tmp_path):
    driver, impl = cgi_impl(
        make_impl,
        "import os, sys\nn = int(os.environ['CONTENT_LENGTH'])\n"
        "first = os.read(0, n)\nimport time; time.sleep(0.5)\nrest = os.read(0, 100)\n"
        "sys.stdout.write('Content-Type: text/plain\\n\\n' + repr((first, rest)))\n",
    )
    request = CgiRequest("POST", body=b"abcdef")
    run = driver.run(
        impl,
        tmp_path,
        TIMEOUTS,
        request,
        kill_after=2.0,
        pieces=[b"abc", b"def"],
        pause=0.2,
        trailing=b"XYZ",
    )
    first, rest = eval(parse_response(run.stdout).body)
    assert first == b"abc"  # a single os.read() gets only the first piece
    assert rest == b"defXYZ"  # the rest of the body, then the bytes after it


@pytest.mark.parametrize(
    ("output", "problem"),
    [
        (b"", "printed nothing"),
        (b"Content-Type: text/plain\n", "no blank line"),
        (b"\nbody", "began with a blank line"),
        (b"just some text\n\n", "where a header line"),
        (b"Status: abc\n\n", "three-digit"),
    ],
)
def test_cgi_output_that_is_not_a_response_is_a_phrase(output, problem):
    with pytest.raises(BadCgiOutput, match=problem):
        parse_response(output)


def test_cgi_output_lf_or_crlf_and_status():
    crlf = parse_response(b"Status: 405 Method Not Allowed\r\nX-A: 1\r\n\r\nbody")
    assert (crlf.status, crlf.reason, crlf.header("x-a"), crlf.body) == (
        405,
        "Method Not Allowed",
        "1",
        b"body",
    )
    lf = parse_response(b"Content-Type: application/json\n\n{}")
    assert (lf.status, lf.body) == (200, b"{}")


def test_wsgi_app_call_records_what_the_app_did(make_impl, tmp_path):
    impl = load(
        make_impl(
            '[roles."wsgi.app"]\npython = "apps:good"\n',
            {
                "apps.py": """
        def good(environ, start_response):
            body = environ["PATH_INFO"].encode("latin-1")
            start_response("200 OK", [("Content-Type", "text/plain")])
            yield b""
            yield body
        """
            },
        )
    )
    app = AppUnderTest(impl, "wsgi.app", tmp_path, TIMEOUTS)
    call = app.call(AppRequest("GET", "/caf%C3%A9"), TIMEOUTS.io)
    assert not call.errors and not call.warnings, call.transcript()
    assert call.status == "200 OK" and call.body == "/café".encode()
    assert call.closed and call.returned_type == "generator"


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        ("return 'text'", "should not return a string"),
        ("return [b'a', 'b']", "non-bytestring"),
        ("return None", "must return an iterator"),
        (
            "start_response('200 OK', [('Content-Type', 'text/plain')]); return [b'']",
            "second time without exc_info",
        ),
        ("raise SystemExit(3)", "SystemExit"),
    ],
)
def test_wsgi_app_call_records_the_complaints(make_impl, tmp_path, body, complaint):
    impl = load(
        make_impl(
            '[roles."wsgi.app"]\npython = "apps:app"\n',
            {
                "apps.py": f"""
        def app(environ, start_response):
            start_response("200 OK", [("Content-Type", "text/plain")])
            {body}
        """
            },
        )
    )
    call = AppUnderTest(impl, "wsgi.app", tmp_path, TIMEOUTS).call(AppRequest(), TIMEOUTS.io)
    messages = [f"{e.type}: {e.message}" for e in call.errors]
    assert any(complaint in m for m in messages), call.transcript()


def test_module_functions_are_called_in_a_child(make_impl, tmp_path):
    impl = load(
        make_impl(
            '[roles."net.lookup"]\npython = "netutil"\n',
            {
                "netutil.py": """
        import os, socket
        def gethostname():
            return socket.gethostname()
        def gethostbyname(name):
            return socket.gethostbyname(name)
        def pid():
            return os.getpid()
    """
            },
        )
    )
    client = ClientUnderTest(impl, "net.lookup", tmp_path, TIMEOUTS)
    name = client.call_function(TIMEOUTS.io, "gethostbyname", "localhost")
    assert name.returned and name.value.startswith("127."), name.describe()
    child_pid = client.call_function(TIMEOUTS.io, "pid")
    assert child_pid.returned and child_pid.value != __import__("os").getpid()
    missing = client.call_function(TIMEOUTS.io, "gethostbyname", "no-such-host.invalid")
    assert missing.raised and "gaierror" in missing.raised


@pytest.mark.parametrize(
    ("returns", "told"),
    [
        ("data.decode('latin-1')", "the contract says query() returns bytes; it returned a str"),
        ("None", "the contract says query() returns bytes; it returned None"),
    ],
)
def test_a_client_returning_the_wrong_type_is_told_the_contract(suites, make_impl, returns, told):
    impl = make_impl(
        '[roles."udp.client"]\npython = "cl:query"\n',
        {
            "cl.py": f"""
        import socket
        def query(host, port, payload, timeout, retries):
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(timeout)
                s.sendto(payload, (host, port))
                data = s.recvfrom(65535)[0]
                return {returns}
    """
        },
    )
    result = suites("suites/udp/test_client.py", "--impl", str(impl), "-k", "reply and text")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [f"*actual:   {told}*", "*hint:     return the reply as bytes exactly as received*"]
    )


HOSTILE_UDP = {
    "srv.py": """
    import os, socket
    def serve(host, port):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind((host, port))
        other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        while True:
            data, addr = s.recvfrom(65535)
            s.sendto(os.urandom(65507), addr)           # the largest datagram there is
            other.sendto(b"\\xff\\xfe" + os.urandom(999), addr)  # garbage from elsewhere
            s.sendto(b"", addr)
"""
}


def test_hostile_datagrams_never_crash_the_suites_peers(suites, make_impl, tmp_path):
    impl = make_impl(
        '[roles."udp.echo"]\npython = "srv:serve"\n[roles."udp.time"]\npython = "srv:serve"\n',
        HOSTILE_UDP,
    )
    report = tmp_path / "report.json"
    result = suites("suites/udp", "--impl", str(impl), "--report-json", str(report))
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    cases = json.loads(report.read_text())["cases"]
    ran = [c for c in cases if c["outcome"] != "not-implemented"]
    assert ran and all(c["failure_kind"] in ("mismatch", None) for c in ran), [
        (c["case"], c["failure_kind"], c["message"][-300:]) for c in ran if c["failure_kind"]
    ]
