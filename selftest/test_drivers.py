"""Role drivers for the families the suites of later roles stand on: apps hosted by the suite
(a WSGI callable, a CGI program), a module of functions, and what a client's wrong return
type is told."""

from __future__ import annotations

import http.client
import json
import time

import pytest

from fixtures.clients import ClientUnderTest
from fixtures.internal.ports import PortAllocator
from fixtures.manifest import load
from fixtures.servers import start_server
from fixtures.timeouts import BASE

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
    sys.stdout.write("Content-Type: application/json\\r\\n\\r\\n")
    json.dump({"method": method, "query": os.environ["QUERY_STRING"],
               "body": body.decode(), "cookie": os.environ.get("HTTP_COOKIE"),
               "remote": os.environ["REMOTE_ADDR"]}, sys.stdout)
"""


def test_cgi_program_runs_once_per_request_with_the_meta_variables(hosted):
    server = hosted(
        "cgi.script", '[roles."cgi.script"]\ncommand = ["{python}", "app.py"]\n', {"app.py": CGI}
    )
    status, headers, body = request(server, "POST", "/x?a=1&b=2", b"name=value")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert json.loads(body) == {
        "method": "POST",
        "query": "a=1&b=2",
        "body": "name=value",
        "cookie": "a=1",
        "remote": "127.0.0.1",
    }
    status, _, _ = request(server, "DELETE", "/x")
    assert status == 405


def test_cgi_program_that_reads_to_eof_is_stopped_and_answered(hosted):
    """stdin stays open (RFC 3875: read CONTENT_LENGTH bytes), so a program reading to EOF
    hangs: the gateway stops it at its limit and answers 504 instead of hanging too."""
    server = hosted(
        "cgi.script",
        '[roles."cgi.script"]\ncommand = ["{python}", "app.py"]\n',
        {"app.py": "import sys\nsys.stdin.buffer.read()\nprint('too late')\n"},
        script_timeout=0.5,
    )
    started = time.monotonic()
    status, _, _ = request(server, "POST", "/", b"a=1")
    assert status == 504 and time.monotonic() - started < 0.5 + TIMEOUTS.io
    assert server.alive()


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
