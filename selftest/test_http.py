"""The HTTP parts of the harness: the local httpbin and the raw HTTP reader.

* ``LocalHttpbin`` keeps its promises: threaded (two ``/delay/1`` in about 1 s), HTTP/1.1
  keep-alive, a TLS client that never sends its handshake holds up nobody, it stops in well
  under a second with idle keep-alive connections open, it logs nothing, traces record what
  was sent, and ``python -m fixtures.httpbin`` serves it.
* ``read_response`` gives a verdict on whatever a server under test sends (no status line,
  an endless header block, a short body, a trickle, a reset), within its deadline.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import subprocess
import sys
import threading
import time

import pytest

from fixtures.certs import Certificates
from fixtures.httpbin import LocalHttpbin
from fixtures.httpwire import BadResponse, read_response
from fixtures.peers import ScriptedServer, Stream
from selftest.conftest import ROOT

IO = 3.0


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> Certificates:
    return Certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="module")
def httpbin(certificates):
    with LocalHttpbin(certificates.server("localhost"), cafile=certificates.cafile) as local:
        yield local


def https_connection(httpbin, certificates) -> http.client.HTTPSConnection:
    context = ssl.create_default_context(cafile=str(certificates.cafile))
    return http.client.HTTPSConnection(
        "localhost", httpbin.port("https"), context=context, timeout=IO
    )


def test_requests_are_served_concurrently(httpbin):
    results = []

    def delay():
        conn = http.client.HTTPConnection("127.0.0.1", httpbin.port(), timeout=IO)
        conn.request("GET", "/delay/1")
        results.append(conn.getresponse().status)
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=delay) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(IO)
    assert results == [200, 200]
    assert time.monotonic() - started < 1.8, "two /delay/1 calls were served one after the other"


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_keep_alive(httpbin, certificates, scheme):
    conn = (
        https_connection(httpbin, certificates)
        if scheme == "https"
        else http.client.HTTPConnection("127.0.0.1", httpbin.port(), timeout=IO)
    )
    with contextlib.closing(conn):
        ports = []
        for path in ("/get", "/stream-bytes/3000?chunk_size=1000", "/status/404"):
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            assert not response.will_close, f"{path} closed the connection"
            ports.append(conn.sock.getsockname()[1])
        assert len(set(ports)) == 1, "the three requests used different connections"


def test_silent_tls_client_blocks_nobody(httpbin, certificates):
    silent = socket.create_connection(("127.0.0.1", httpbin.port("https")), timeout=IO)
    try:
        with contextlib.closing(https_connection(httpbin, certificates)) as conn:
            started = time.monotonic()
            conn.request("GET", "/get")
            assert conn.getresponse().status == 200
            assert time.monotonic() - started < 1.0
    finally:
        silent.close()


def test_trace_records_the_exchange(httpbin):
    trace = httpbin.trace()
    conn = http.client.HTTPConnection("127.0.0.1", httpbin.port(), timeout=IO)
    body = b"a=1&b=%C3%BC"
    conn.request(
        "POST",
        f"/c/{trace.token}/post?q=a%20b",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Probe": "yes"},
    )
    response = conn.getresponse()
    sent_back = response.read()
    conn.close()
    (exchange,) = trace.exchanges
    assert exchange.method == "POST"
    assert exchange.target == f"/c/{trace.token}/post?q=a%20b"
    assert exchange.header("x-probe") == "yes"
    assert exchange.body == body
    assert exchange.status == 200
    assert exchange.response_body == sent_back
    view = json.loads(sent_back)
    assert view["form"] == {"a": "1", "b": "ü"} and view["args"] == {"q": "a b"}
    trace.close()
    assert trace.exchanges == []


def test_redirects_stay_under_the_trace(httpbin):
    trace = httpbin.trace()
    conn = http.client.HTTPConnection("127.0.0.1", httpbin.port(), timeout=IO)
    conn.request("GET", f"/c/{trace.token}/redirect/2")
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 302
    assert response.getheader("Location").startswith(f"/c/{trace.token}/")


def test_stops_fast_with_open_connections(certificates):
    local = LocalHttpbin(certificates.server("localhost")).start()
    idle = []
    for scheme in ("http", "https"):
        conn = (
            https_connection(local, certificates)
            if scheme == "https"
            else http.client.HTTPConnection("127.0.0.1", local.port(), timeout=IO)
        )
        conn.request("GET", "/get")
        conn.getresponse().read()
        idle.append(conn)  # an idle keep-alive connection, held open
    silent = socket.create_connection(("127.0.0.1", local.port("https")), timeout=IO)
    started = time.monotonic()
    local.stop()
    assert time.monotonic() - started < 0.5
    for conn in idle:
        conn.close()
    silent.close()


def test_python_m_entry_serves_and_logs_nothing(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "fixtures.httpbin", "--ca-dir", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = [proc.stdout.readline() for _ in range(5)]
        url = lines[0].split()[1]
        host, port = url.split("//")[1].split("/")[0].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=IO)
        conn.request("GET", "/get")
        assert conn.getresponse().status == 200
        conn.close()
        context = ssl.create_default_context(cafile=lines[2].split()[1])
        https_url = lines[1].split()[1]
        port = https_url.split("//")[1].split("/")[0].split(":")[1]
        secure = http.client.HTTPSConnection("localhost", int(port), context=context, timeout=IO)
        secure.request("GET", "/get")
        assert secure.getresponse().status == 200
        secure.close()
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=5)
    assert "GET /get" not in stderr, "request logs are not silenced"


# -- the raw reader against hostile servers ---------------------------------------------------
HOSTILE = {
    "no status line": (b"<html>bare body</html>", True, "no status line"),
    "endless header block": (b"HTTP/1.1 200 OK\r\n" + b"X-A: b\r\n" * 10000, False, "longer"),
    "short body": (b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc", True, "3 of the 100"),
    "bad length": (b"HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n", True, "Content-Length"),
    "bad chunk": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", True, "chunk"),
    "silence": (b"", False, "no response"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_reader_gives_verdicts_on_hostile_responses(name):
    payload, close, problem = HOSTILE[name]

    def script(stream, server):
        stream.recv_exactly(4, timeout=IO)
        stream.send(payload, timeout=IO)
        if not close:
            server.wait_stopped(IO + 2)

    with ScriptedServer(script, accept_timeout=IO) as server:
        stream = Stream.connect(server.address, IO)
        with stream:
            stream.send(b"GET ", timeout=IO)
            started = time.monotonic()
            with pytest.raises(BadResponse) as caught:
                read_response(stream, timeout=1.0)
            assert time.monotonic() - started < 1.5
    assert problem in caught.value.problem


def test_reader_gives_up_on_a_trickle():
    """A slow-loris server: one byte of the head every 50 ms, for ever."""

    def script(stream, server):
        for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"z" * 1000:
            if server.stop.is_set():
                return
            stream.send(bytes([byte]), timeout=IO)
            time.sleep(0.05)

    with (
        ScriptedServer(script, accept_timeout=IO) as server,
        Stream.connect(server.address, IO) as stream,
    ):
        started = time.monotonic()
        with pytest.raises(BadResponse) as caught:
            read_response(stream, timeout=0.5)
        assert time.monotonic() - started < 1.0
    assert "unfinished response head" in caught.value.problem
