"""The TLS parts of the harness, against each other and against hostile peers.

* The certificate catalogue is what it claims: the suite's own TLS client, verifying against
  the session CA, accepts the valid certificates and rejects each invalid one for the
  reason its name gives (so a client under test that accepts it made that mistake).
* Bad input: plaintext where TLS belongs, a handshake never answered or cut short, garbage
  records, a chain of 100 certificates.  The suite's peers end each with a verdict within
  their deadlines; they never crash or hang.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time

import pytest

from fixtures.certs import CLIENT_CERTS, IP_ADDRESS, SERVER_CERTS, Certificates
from fixtures.peers import ScriptedServer, Stream
from fixtures.tls import TlsClient, TlsServer, cannot_offer, client_hello
from fixtures.transports import HandshakeFailed, TlsTransport
from selftest.conftest import ROOT

IO = 3.0


@pytest.fixture(scope="module")
def certificates(tmp_path_factory) -> Certificates:
    return Certificates(tmp_path_factory.mktemp("certs"))


def echo_script(stream, server):
    line = stream.recv_exactly(6, timeout=IO).data
    stream.send(line, timeout=IO)


# OpenSSL's verification message for each invalid certificate of the catalogue.
REJECTION = {
    "expired": "certificate has expired",
    "not-yet-valid": "certificate is not yet valid",
    "wrong-host": "Hostname mismatch",
    "self-signed": "self-signed certificate",
    "untrusted-ca": "unable to get local issuer certificate",
    "intermediate-missing": "unable to get local issuer certificate",
    "non-ca-issuer": "invalid CA certificate",
}


@pytest.mark.parametrize("name", list(SERVER_CERTS))
def test_catalogue_certificates_verify_as_their_names_say(certificates, name):
    case = SERVER_CERTS[name]
    tls = TlsServer(certificates.server(name))
    with ScriptedServer(echo_script, accept_timeout=IO, tls=tls) as server:
        client = TlsClient(certificates.cafile)
        if case.valid:
            with Stream.connect(server.address, IO, tls=client) as stream:
                assert stream.exchange(b"hello\n", 6, timeout=IO).data == b"hello\n"
            assert tls.sni == ["localhost"]
        else:
            with pytest.raises(HandshakeFailed) as failed:
                Stream.connect(server.address, IO, tls=client)
            assert failed.value.kind == "verify"
            assert REJECTION[name] in failed.value.reason
    if not case.valid:
        # The suite's server learns the client refused (an alert), and runs no script.
        assert server.handshake_error is not None


def test_valid_certificate_matches_the_ip_address_too(certificates):
    tls = TlsServer(certificates.server("localhost"))
    with (
        ScriptedServer(echo_script, accept_timeout=IO, tls=tls) as server,
        Stream.connect(
            server.address, IO, tls=TlsClient(certificates.cafile, server_hostname=IP_ADDRESS)
        ) as stream,
    ):
        assert stream.exchange(b"hello\n", 6, timeout=IO).data == b"hello\n"
    assert tls.sni == [None]  # no SNI for an IP address (RFC 6066)


@pytest.mark.parametrize("name", list(CLIENT_CERTS))
def test_client_certificates(certificates, name):
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(certificates.cafile))
    cert = certificates.server("localhost")
    context.load_cert_chain(str(cert.certfile), str(cert.keyfile))
    context.verify_mode = ssl.CERT_REQUIRED
    listener = socket.create_server(("127.0.0.1", 0))
    outcome: dict[str, object] = {}

    def serve() -> None:
        conn, _ = listener.accept()
        conn.settimeout(IO)
        try:
            with context.wrap_socket(conn, server_side=True) as tls:
                tls.sendall(tls.recv(6))
                outcome["served"] = True
        except (ssl.SSLError, OSError) as exc:
            outcome["error"] = str(exc)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client = TlsClient(certificates.cafile, certificate=certificates.client(name))
    with Stream.connect(listener.getsockname(), IO, tls=client) as stream:
        echoed = stream.exchange(b"hello\n", 6, timeout=IO)
    thread.join(IO)
    listener.close()
    if CLIENT_CERTS[name].valid:
        assert echoed.data == b"hello\n" and outcome.get("served")
    else:
        assert echoed.data == b"" and "certificate" in str(outcome.get("error"))


def test_generation_is_lazy_and_measured(tmp_path):
    certs = Certificates(tmp_path)
    assert list(tmp_path.iterdir()) == [] and certs.generation_seconds == 0
    certs.server("expired")
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == ["ca.pem", "server-expired.key", "server-expired.pem"]
    assert 0 < certs.generation_seconds < 5
    assert (tmp_path / "server-expired.key").stat().st_mode & 0o077 == 0


# -- hostile servers for the suite's TLS client ------------------------------------------------
class RawServer:
    """A one-connection TCP server running ``behave(conn)`` in a thread."""

    def __init__(self, behave) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = self.listener.getsockname()
        self.behave = behave
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.listener.settimeout(IO)
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(IO)
            with contextlib.suppress(OSError):
                self.behave(conn)

    def __enter__(self) -> RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.listener.close()
        self.thread.join(2 * IO)
        assert not self.thread.is_alive()


def _plaintext(conn):
    conn.recv(4096)
    conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\nplaintext here\n")


def _stall(conn):
    conn.recv(4096)
    time.sleep(1.5)


def _close_mid_handshake(conn):
    conn.recv(4096)
    conn.sendall(b"\x16\x03\x03\x00\x40" + b"\x02" * 10)  # half a ServerHello record


def _garbage_records(conn):
    conn.recv(4096)
    conn.sendall(b"\x16\x03\x03\x00\x10" + bytes(range(16)) * 1 + b"\x17\x03\x03\xff\xff")


@pytest.mark.parametrize(
    "behave, kind",
    [
        (_plaintext, "protocol"),
        (_stall, "timeout"),
        (_close_mid_handshake, "closed"),
        (_garbage_records, "protocol"),
    ],
    ids=["plaintext", "stalled", "closed-mid-handshake", "garbage-records"],
)
def test_client_meets_a_broken_server(certificates, behave, kind):
    started = time.monotonic()
    with RawServer(behave) as server, pytest.raises(HandshakeFailed) as failed:
        Stream.connect(server.address, 1.0, tls=TlsClient(certificates.cafile))
    assert failed.value.kind == kind, failed.value.reason
    assert failed.value.transcript.render()  # what happened is in the transcript
    assert time.monotonic() - started < 1.0 + IO


def test_client_meets_garbage_after_the_handshake(certificates):
    def script(stream, server):
        assert isinstance(stream.transport, TlsTransport)
        stream.transport.sock.sendall(b"\x17\x03\x03\x00\x20" + b"\xee" * 32)  # not a record
        server.wait_stopped(IO)

    tls = TlsServer(certificates.server("localhost"))
    with (
        ScriptedServer(script, accept_timeout=IO, tls=tls) as server,
        Stream.connect(server.address, IO, tls=TlsClient(certificates.cafile)) as stream,
    ):
        outcome = stream.recv_to_eof(timeout=IO)
    assert outcome.reset and not outcome.data
    assert "TLS error" in stream.transcript.render()


def test_client_meets_a_chain_of_100_certificates(certificates):
    chain = certificates.long_chain(100)
    tls = TlsServer(chain)
    started = time.monotonic()
    with (
        ScriptedServer(echo_script, accept_timeout=IO, tls=tls) as server,
        pytest.raises(HandshakeFailed) as failed,
    ):
        Stream.connect(server.address, IO, tls=TlsClient(certificates.cafile))
    assert failed.value.kind == "verify"
    assert time.monotonic() - started < IO


# -- hostile clients for the suite's TLS server --------------------------------------------------
@pytest.mark.parametrize(
    "sends", ["plaintext", "garbage", "half-hello", "nothing", "hello-then-reset"]
)
def test_server_meets_a_broken_client(certificates, sends):
    hello = client_hello(TlsClient(certificates.cafile))
    payload = {
        "plaintext": b"GET / HTTP/1.0\r\n\r\n",
        "garbage": b"\x16\x03\x01\x00\x20" + b"\xff" * 32,
        "half-hello": hello[: len(hello) // 2],
        "nothing": b"",
        "hello-then-reset": hello,
    }[sends]
    ran = []
    tls = TlsServer(certificates.server("localhost"))
    started = time.monotonic()
    with ScriptedServer(
        lambda s, srv: ran.append(1), accept_timeout=IO, tls=tls, handshake_timeout=1.0
    ) as server:
        with socket.create_connection(server.address, timeout=IO) as sock:
            sock.sendall(payload)
            if sends == "hello-then-reset":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
            elif sends in ("half-hello", "nothing"):
                time.sleep(1.3)  # outlast the handshake limit
            else:
                sock.settimeout(IO)
                while sock.recv(4096):  # the alert, then the server's close
                    pass
        server.accepted.wait(IO)
    assert server.handshake_error is not None and not ran
    assert time.monotonic() - started < 1.0 + 2 * IO


def test_what_the_suites_openssl_cannot_do_is_found_in_memory(certificates):
    client = TlsClient(certificates.cafile)
    assert cannot_offer(client, certificates.server("localhost")) is None
    # A handshake that cannot complete says why (here: verification).
    reason = cannot_offer(client, certificates.server("self-signed"))
    assert reason is not None and "certificate verify failed" in reason.lower()


def test_the_harness_imports_no_certificate_library_until_a_certificate_is_needed():
    # trustme and cryptography cost ~65 ms per pytest process and xdist worker to import,
    # and a run without TLS cases should not need them installed at all.
    code = (
        "import sys, fixtures.plugin, suites.tls.test_echo, suites.tls.test_client; "
        "print(sorted(m for m in ('trustme', 'cryptography') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
