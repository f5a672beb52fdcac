"""tls.echo: a TLS echo server, ``serve(host, port, certfile, keyfile, cafile)``.

roles.md: every tcp.echo stream requirement holds over TLS (they run here again as
tls.echo/<slug>, through the suite's TLS client, which verifies the server against the
session CA for ``localhost``), plus: present the given certificate, survive plaintext and
aborted handshakes, keep serving while a client never sends its ClientHello, and, with
``cafile`` given, require client certificates from that CA.
"""

from __future__ import annotations

import pytest

from fixtures.asserts import (
    assert_echoed,
    assert_still_serving,
    assert_survived,
    baseline_fds,
    connect,
)
from fixtures.certs import IP_ADDRESS
from fixtures.errors import EnvironmentLimit, Mismatch
from fixtures.peers import Stream
from fixtures.requirements import MUST, SHOULD, inherit, inherits_as, requirement
from fixtures.schedules import STREAM_SCHEDULES
from fixtures.tls import TlsClient, cannot_offer, client_hello
from fixtures.transports import HandshakeFailed, TlsTransport
from suites.tcp import test_echo as tcp_echo

pytestmark = inherits_as("tls.echo")
# Every tcp.echo MUST but eof-close, whose EOF is close_notify here (below).
globals().update({k: v for k, v in inherit(tcp_echo).items() if k != "test_eof_close"})

SEED_TLS = "004 'Working with SSL'"
LINE = b"a line over TLS\n"
HINT_RIGHT_CA = (
    "trust cafile for client certificates: context.load_verify_locations(cafile) with "
    "verify_mode = CERT_REQUIRED (not the certfile, not the system store); a client "
    "certificate from that CA must be accepted"
)
HINT_CERT_REQUIRED = (
    "when cafile is given, require client certificates from it: "
    "context.verify_mode = ssl.CERT_REQUIRED; context.load_verify_locations(cafile) "
    "(and leave verify_mode alone when cafile is None)"
)


HINT_EOF = (
    "the client has finished (its close_notify: recv() returns b'', and readline() returns "
    "a last line without a newline, then b''): write back what you still hold, the last "
    "partial line too, then close the connection; asyncio's and Twisted's TLS transports "
    "drop writes made after the close_notify, so with them this SHOULD cannot be met"
)
EOF_PAYLOAD = b"no newline at the end of this"
SEED_EOF = "000 'End of Data'; 004 'Working with SSL'"


@requirement(
    "tls.echo/eof-close",
    MUST,
    "After the client's close_notify and FIN (its EOF), the server MUST close the "
    "connection within 2 s, having echoed nothing but what it received.",
    seed=SEED_EOF,
)
@pytest.mark.parametrize("schedule", STREAM_SCHEDULES, ids=str)
def test_eof_close(server, schedule, timeouts, case_seed):
    with connect(server, timeouts.connect) as stream:
        stream.send(EOF_PAYLOAD, timeout=timeouts.io, schedule=schedule, seed=case_seed)
        stream.half_close()
        outcome = stream.recv_to_eof(timeout=timeouts.eof_close)
        if not (outcome.eof or outcome.reset):
            server.ensure_alive("instead of closing the connection")
            raise Mismatch(
                expected=f"the server to close the connection within {timeouts.eof_close:.1f} s "
                "of the client's close_notify",
                actual=f"{outcome.describe()}; the connection was still open",
                hint=HINT_EOF,
                transcript=stream.transcript,
            )
        if not EOF_PAYLOAD.startswith(outcome.data):
            assert_echoed(EOF_PAYLOAD, outcome, stream, server=server)


@requirement(
    "tls.echo/eof-flush",
    SHOULD,
    "When the client's last data and its close_notify arrive together, the server SHOULD "
    "send that data back before closing (TLS 1.3 closes each direction on its own; TLS "
    "1.2's rule, which asyncio's SSL transport follows, discards writes after close_notify).",
    seed=SEED_EOF,
)
def test_eof_flush(server, timeouts):
    with connect(server, timeouts.connect) as stream:
        # One segment: the data's record, close_notify and the FIN, so whether the server
        # still writes after close_notify is decided for certain, not by timing.
        stream.transport.cork(True)
        stream.send(EOF_PAYLOAD, timeout=timeouts.io)
        stream.half_close()
        stream.transcript.note("the data, close_notify and FIN went out in one segment")
        outcome = stream.recv_to_eof(timeout=timeouts.eof_close)
        assert_echoed(EOF_PAYLOAD, outcome, stream, server=server, hint_short=HINT_EOF)


def echo_once(stream: Stream, server, timeouts, message: bytes = LINE, **hints: str) -> None:
    outcome = stream.exchange(message, len(message), timeout=timeouts.io)
    assert_echoed(message, outcome, stream, server=server, **hints)


@requirement(
    "tls.echo/present-certificate",
    MUST,
    "The server MUST present the certificate it was given: a client verifying against "
    "the suite's CA for localhost and for 127.0.0.1 succeeds.",
    seed=SEED_TLS,
)
@pytest.mark.parametrize("name", ["localhost", IP_ADDRESS])
def test_present_certificate(server, name, certificates, timeouts):
    settings = TlsClient(certificates.cafile, server_hostname=name)
    with connect(server, timeouts.connect, tls=settings) as stream:
        assert isinstance(stream.transport, TlsTransport)
        given = certificates.server("localhost")
        presented = stream.transport.peer_certificate()
        if presented is None or _fingerprint(presented) != given.fingerprint:
            raise Mismatch(
                expected=f"the certificate in certfile ({given.case.description}, SHA-256 "
                f"{given.fingerprint[:16]}…)",
                actual="another certificate, which also verified"
                if presented
                else "no certificate",
                hint="load the certfile and keyfile you were given: "
                "context.load_cert_chain(certfile, keyfile)",
                transcript=stream.transcript,
            )
        echo_once(stream, server, timeouts)


def _fingerprint(der: bytes) -> str:
    import hashlib

    return hashlib.sha256(der).hexdigest()


PLAINTEXT_INPUTS = {
    # An HTTP request where a ClientHello belongs (a browser pointed at http://).
    "plaintext": b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
    # A whole handshake record (1 KiB, as its header says) of garbage.
    "garbage-record": b"\x16\x03\x01\x04\x00" + bytes(range(256)) * 4,
}


@requirement(
    "tls.echo/survive-plaintext",
    MUST,
    "The server MUST survive a client that sends plaintext (or garbage records) instead "
    "of a TLS handshake, and keep serving.",
    seed=SEED_TLS,
)
@pytest.mark.parametrize("kind", list(PLAINTEXT_INPUTS))
def test_survive_plaintext(server, kind, timeouts):
    payload = PLAINTEXT_INPUTS[kind]
    before = baseline_fds(server)
    with connect(server, timeouts.connect, raw=True) as stream:
        stream.transcript.note(f"sends {kind} instead of a ClientHello")
        stream.send(payload, timeout=timeouts.io)
        outcome = stream.recv_to_eof(timeout=timeouts.io)
        if outcome.data.startswith(payload[:8]):
            raise Mismatch(
                expected="an alert or a closed connection in answer to plaintext",
                actual="the plaintext came back: the server echoes without TLS",
                hint="wrap every accepted socket, whatever its first bytes (no plaintext "
                "fallback): context.wrap_socket(conn, server_side=True)",
                transcript=stream.transcript,
            )
    assert_survived(
        server,
        before,
        after=f"a client sent {kind} instead of a handshake",
        hint=HINT_HANDSHAKE_ERRORS,
    )
    assert_still_serving(
        server, timeouts.io, after=f"a client sent {kind}", hint=HINT_HANDSHAKE_ERRORS
    )


HINT_HANDSHAKE_ERRORS = (
    "a failed handshake raises for that client only: catch OSError (ssl.SSLError, "
    "ConnectionResetError and timeouts are all OSErrors) around the handshake, "
    "wrap_socket() included (it raises when the client has gone already), close that "
    "socket and keep accepting"
)


@requirement(
    "tls.echo/survive-aborted-handshake",
    MUST,
    "The server MUST survive a client that aborts the handshake (sends its ClientHello, "
    "then resets or closes), and keep serving.",
    seed=SEED_TLS,
)
@pytest.mark.parametrize("how", ["reset", "close"])
def test_survive_aborted_handshake(server, how, timeouts):
    hello = client_hello(server.tls)
    before = baseline_fds(server)
    for _ in range(3):
        with connect(server, timeouts.connect, raw=True) as stream:
            stream.transcript.note("sends a ClientHello, then aborts the handshake")
            stream.send(hello, timeout=timeouts.io)
            if how == "reset":
                stream.reset()
            else:
                stream.half_close()
                stream.recv_to_eof(timeout=timeouts.io)
    after = f"clients {'reset' if how == 'reset' else 'closed'} their connections mid-handshake"
    assert_survived(server, before, after=after, hint=HINT_HANDSHAKE_ERRORS)
    assert_still_serving(server, timeouts.io, after=after, hint=HINT_HANDSHAKE_ERRORS)


@requirement(
    "tls.echo/stalled-handshake",
    MUST,
    "The server MUST keep serving others while a client connects and never sends its "
    "ClientHello (or sends half of it).",
    seed=SEED_TLS + " (SSLMixin: the handshake in get_request())",
)
@pytest.mark.parametrize("sends", ["nothing", "half-hello"])
def test_stalled_handshake(server, sends, timeouts):
    hello = client_hello(server.tls)
    stalled: list[Stream] = []
    try:
        # Several of them: a server that handshakes in its accept loop with a short timeout
        # of its own would stall the next client by that timeout per silent client.
        for _ in range(STALLED_CLIENTS):
            stream = connect(server, timeouts.connect, raw=True)
            stalled.append(stream)
            if sends == "half-hello":
                stream.send(hello[: len(hello) // 2], timeout=timeouts.io)
            stream.transcript.note("stays connected, never finishes its ClientHello")
        with connect(
            server,
            timeouts.io,
            doing=f"while {STALLED_CLIENTS} other clients are connected and have sent "
            f"{'half a ClientHello' if sends == 'half-hello' else 'nothing'}",
        ) as second:
            echo_once(second, server, timeouts)
    finally:
        for stream in stalled:
            stream.close()


STALLED_CLIENTS = 5


def _rejected(stream: Stream, timeouts) -> tuple[bool, str]:
    """Send a line and read: (whether the server refused the client, what happened)."""
    outcome = stream.pump(LINE, timeout=timeouts.io, want=len(LINE))
    data = stream.take()
    if data:
        return False, f"the server echoed {len(data)} bytes"
    if outcome.reset:
        return True, f"the server ended the session ({outcome.error or 'a reset'})"
    if outcome.eof:
        return True, "the server closed the connection"
    return False, f"the server neither answered nor closed for {timeouts.io:.1f} s"


@requirement(
    "tls.echo/client-cert-required",
    MUST,
    "With cafile given, the server MUST reject a client without a certificate and one "
    "whose certificate comes from another CA.",
    seed=SEED_TLS + " (cert_reqs, ca_certs)",
)
@pytest.mark.parametrize("presents", ["no-certificate", "other-ca"])
def test_client_cert_required(shared_server, certificates, presents, timeouts):
    server = shared_server(cafile=certificates.cafile)
    cert = None if presents == "no-certificate" else certificates.client("other-ca")
    settings = server.tls.with_(certificate=cert)
    what = "no certificate" if cert is None else cert.case.description
    try:
        stream = Stream.connect(server.address, timeouts.connect, tls=settings)
    except HandshakeFailed:
        pass  # rejected during the handshake (TLS 1.2 does it there)
    else:
        with stream:
            refused, happened = _rejected(stream, timeouts)
            if not refused:
                raise Mismatch(
                    expected=f"the server (started with cafile) to refuse a client presenting "
                    f"{what}",
                    actual=f"it accepted the client: {happened}",
                    hint=HINT_CERT_REQUIRED,
                    transcript=stream.transcript,
                )
    assert_still_serving_with(
        server, certificates, timeouts, after=f"refusing a client with {what}"
    )


def assert_still_serving_with(server, certificates, timeouts, *, after: str) -> None:
    """After refusing a client (rightly), a client with a certificate from cafile's CA is
    still served."""
    settings = server.tls.with_(certificate=certificates.client("right-ca"))
    with connect(server, timeouts.connect, tls=settings, doing=f"after {after}") as stream:
        echo_once(
            stream,
            server,
            timeouts,
            hint_short=HINT_RIGHT_CA,
            expected=f"after {after} (rightly), a client presenting a certificate from "
            f"cafile's CA to get its {len(LINE)} bytes back",
        )


@requirement(
    "tls.echo/client-cert-accepted",
    MUST,
    "With cafile given, the server MUST accept a client whose certificate comes from cafile's CA.",
    seed=SEED_TLS + " (cert_reqs, ca_certs)",
)
def test_client_cert_accepted(shared_server, certificates, timeouts):
    server = shared_server(cafile=certificates.cafile)
    settings = server.tls.with_(certificate=certificates.client("right-ca"))
    with connect(
        server,
        timeouts.connect,
        tls=settings,
        doing="presenting a client certificate from cafile's CA",
    ) as stream:
        outcome = stream.exchange(LINE, len(LINE), timeout=timeouts.io)
        assert_echoed(
            LINE,
            outcome,
            stream,
            server=server,
            hint_short=HINT_RIGHT_CA,
        )


@requirement(
    "tls.echo/min-version",
    SHOULD,
    "The server SHOULD refuse TLS below 1.2.",
    seed=SEED_TLS,
)
@pytest.mark.parametrize("version", ["TLSv1", "TLSv1_1"])
def test_min_version(server, version, certificates, timeouts):
    settings = server.tls.with_(max_version=version)
    reason = cannot_offer(settings, certificates.server("localhost"))
    if reason is not None:
        raise EnvironmentLimit(
            f"this machine's OpenSSL cannot offer {version.replace('_', '.')} ({reason}): "
            "whether the server refuses it cannot be checked here"
        )
    try:
        stream = Stream.connect(server.address, timeouts.connect, tls=settings)
    except HandshakeFailed:
        return  # refused
    with stream:
        assert isinstance(stream.transport, TlsTransport)
        raise Mismatch(
            expected=f"a client offering at most {version.replace('_', '.')} to be refused",
            actual=f"the server agreed to {stream.transport.version}",
            hint="leave the context's minimum_version at its default (TLS 1.2 since Python "
            "3.10), or set context.minimum_version = ssl.TLSVersion.TLSv1_2",
            transcript=stream.transcript,
        )
