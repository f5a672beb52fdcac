"""tls.client: ``fetch(host, port, request, cafile, server_hostname, timeout)`` returns every
byte until EOF, and raises when the server's certificate fails verification.

The suite plays the server: a TLS server on loopback presenting one certificate of the
catalogue (``fixtures.certs``: valid, expired, not yet valid, for another host, self-signed,
from an untrusted CA, an incomplete chain, an issuer that is not a CA).  ``cafile`` is
always the session CA.  A client that accepts a bad certificate is told which certificate it
accepted and what to keep on.
"""

from __future__ import annotations

import pytest

from fixtures.asserts import (
    assert_client_connected,
    assert_raises_within,
    assert_returned,
    client_output,
    describe_difference,
)
from fixtures.certs import HOSTNAME, IP_ADDRESS, WRONG_HOST
from fixtures.errors import Mismatch
from fixtures.peers import ScriptedServer
from fixtures.requirements import MUST, requirement
from fixtures.schedules import STREAM_SCHEDULES
from fixtures.tls import TlsServer

SEED = "004 'Working with SSL' (the client: cert_reqs=CERT_REQUIRED, ca_certs)"
REQUEST = b"GET /over-tls please, then close\n"
RESPONSE = b"".join(b"record %02d of a response sent over TLS\n" % i for i in range(12))
HINT_TRUST = (
    "trust cafile and nothing else: context = ssl.create_default_context(cafile=cafile); "
    "then context.wrap_socket(sock, server_hostname=server_hostname)"
)


def fetch(client, address, certificates, timeouts, *, server_hostname=HOSTNAME, timeout=None):
    """Call the client under test once; it may take ``timeout`` plus the allowed slack."""
    timeout = timeouts.io * 2 if timeout is None else timeout
    kill_after = client.granted(timeout) + timeouts.client_slack + timeouts.client_kill_margin
    return client.call(
        kill_after,
        host=address[0],
        port=address[1],
        request=REQUEST,
        cafile=str(certificates.cafile),
        server_hostname=server_hostname,
        timeout=timeout,
    )


class Responder:
    """A server script: read the request, answer ``response`` under ``delivery`` (a
    schedule: every piece its own TLS record; or "paused": half, a pause, the rest)."""

    def __init__(self, timeouts, response=RESPONSE, delivery=STREAM_SCHEDULES[0], seed=0):
        self.timeouts, self.response, self.delivery, self.seed = timeouts, response, delivery, seed
        self.request = b""

    def __call__(self, stream, server) -> None:
        self.request = stream.recv_exactly(len(REQUEST), timeout=self.timeouts.io).data
        if self.delivery == "paused":
            half = len(self.response) // 2
            stream.send(self.response[:half], timeout=self.timeouts.io)
            stream.transcript.note(f"pauses {self.timeouts.eof_pause:.1f} s before the rest")
            server.wait_stopped(self.timeouts.eof_pause)
            stream.send(self.response[half:], timeout=self.timeouts.io)
        else:
            stream.send(
                self.response, timeout=self.timeouts.io, schedule=self.delivery, seed=self.seed
            )
        stream.transcript.note("closes (close_notify, then FIN)")


def serve_and_fetch(
    client, certificates, timeouts, cert_name, *, server_hostname=HOSTNAME, responder=None
):
    tls = TlsServer(certificates.server(cert_name))
    responder = responder or Responder(timeouts)
    with ScriptedServer(responder, accept_timeout=timeouts.io, tls=tls) as server:
        outcome = fetch(
            client, server.address, certificates, timeouts, server_hostname=server_hostname
        )
    return server, responder, outcome


def assert_fetched(outcome, server, responder, *, hint: str, rejected_hint: str = HINT_TRUST):
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    if server.handshake_error is not None:
        cert = server.tls.certificate
        raise Mismatch(
            expected=f"fetch() to accept the {cert.name!r} certificate ({cert.case.description}) "
            "and return the response",
            actual=f"your client refused this valid certificate (the server saw: "
            f"{server.handshake_error.reason}); then it {outcome.describe()}",
            hint=rejected_hint,
            transcript=server.transcript,
            extra=client_output(outcome),
        )
    assert_returned(
        outcome,
        RESPONSE,
        role="tls.client",
        function="fetch",
        hint=hint,
        transcript=server.transcript,
        wanted=f"fetch() to return all {len(RESPONSE)} bytes the server sent before closing",
        describe=lambda value: describe_difference(RESPONSE, value, verb="were returned"),
    )


VALID = {
    # case: (certificate, server_hostname)
    "localhost": ("localhost", HOSTNAME),
    IP_ADDRESS: ("localhost", IP_ADDRESS),
    "intermediate": ("intermediate", HOSTNAME),
}


@requirement(
    "tls.client/verified-connection",
    MUST,
    "The client MUST succeed against a certificate that chains to cafile (directly or "
    "through an intermediate the server sends) and matches server_hostname (a name or an "
    "IP address).",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(VALID))
def test_verified_connection(client_under_test, certificates, case_name, timeouts):
    cert_name, hostname = VALID[case_name]
    server, responder, outcome = serve_and_fetch(
        client_under_test, certificates, timeouts, cert_name, server_hostname=hostname
    )
    rejected_hint = HINT_TRUST
    if hostname == IP_ADDRESS:
        rejected_hint += (
            "; pass server_hostname exactly as given: an IP address is matched against the "
            "certificate's IP addresses"
        )
    assert_fetched(
        outcome,
        server,
        responder,
        hint="send the request with sendall(), then recv() until it returns b'' and join "
        "the pieces",
        rejected_hint=rejected_hint,
    )


@requirement(
    "tls.client/read-to-eof",
    MUST,
    "The client MUST read the response to EOF through fragmented TLS records (one record "
    "per piece, with pauses), and not return at a pause.",
    seed=SEED + "; 000 'Data Reassembly', 'End of Data'",
)
@pytest.mark.parametrize("delivery", [*STREAM_SCHEDULES, "paused"], ids=str)
def test_read_to_eof(client_under_test, certificates, delivery, timeouts, case_seed):
    responder = Responder(timeouts, delivery=delivery, seed=case_seed)
    server, _, outcome = serve_and_fetch(
        client_under_test, certificates, timeouts, "localhost", responder=responder
    )
    assert_fetched(
        outcome,
        server,
        responder,
        hint="a TLS recv() returns at most one record's data: keep calling it until it "
        "returns b'' (the server's close), collecting the pieces; a pause is not the end",
    )


# The certificates a verifying client must refuse: (catalogue name, server_hostname).
REJECTED = {
    "untrusted-ca": ("untrusted-ca", HOSTNAME),
    "self-signed": ("self-signed", HOSTNAME),
    "wrong-host": ("wrong-host", HOSTNAME),
    "wrong-ip": ("wrong-host", IP_ADDRESS),
    "expired": ("expired", HOSTNAME),
    "not-yet-valid": ("not-yet-valid", HOSTNAME),
}
BROKEN_CHAINS = {
    "intermediate-missing": ("intermediate-missing", HOSTNAME),
    "non-ca-issuer": ("non-ca-issuer", HOSTNAME),
}


def check_rejected(client, certificates, timeouts, cert_name: str, hostname: str) -> None:
    timeout = timeouts.io
    tls = TlsServer(certificates.server(cert_name))
    responder = Responder(timeouts)
    with ScriptedServer(responder, accept_timeout=timeouts.io, tls=tls) as server:
        outcome = fetch(
            client,
            server.address,
            certificates,
            timeouts,
            server_hostname=hostname,
            timeout=timeout,
        )
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    case = tls.certificate.case
    accepted = (
        f"your client accepted the {case.name!r} certificate ({case.description}) when it "
        f"asked for {hostname!r}"
    )
    if case.name == "wrong-host":
        accepted = (
            f"your client accepted a certificate for {WRONG_HOST!r} when it asked for {hostname!r}"
        )
    fix = case.fix
    if outcome.form == "command":
        fix += (
            "; a command must exit non-zero when verification fails (openssl s_client only "
            "warns unless given -verify_return_error)"
        )
    if responder.request:
        checked_late = outcome.raised is not None
        raise Mismatch(
            expected=f"the client to refuse the {case.name!r} certificate before sending anything",
            actual=(
                f"your client sent its request ({len(responder.request)} bytes) over a "
                f"connection whose certificate is {case.description}: it checked too late; "
                f"then it {outcome.describe()}"
            )
            if checked_late
            else f"{accepted}, and sent its request over that connection "
            f"({len(responder.request)} bytes); then it {outcome.describe()}",
            hint="verify during the handshake (wrap_socket() with a verifying context), "
            "before sendall(): whatever is sent first has gone to a server nobody checked"
            if checked_late
            else fix,
            transcript=server.transcript,
            extra=client_output(outcome),
        )
    if outcome.returned:
        if server.handshake_error is not None:
            # It did refuse the certificate (the server saw the alert), then hid that.
            raise Mismatch(
                expected=f"fetch() to raise: the certificate is {case.description}",
                actual=f"your client refused the certificate (the server saw: "
                f"{server.handshake_error.reason}), but then fetch() {outcome.describe()} "
                "instead of raising",
                hint="let the ssl.SSLCertVerificationError propagate: don't catch OSError "
                "or ssl.SSLError and return b'' (a caller cannot tell that from an empty "
                "response)",
                transcript=server.transcript,
                extra=client_output(outcome),
            )
        raise Mismatch(
            expected=f"fetch() to raise: the certificate is {case.description}",
            actual=f"{accepted}: fetch() {outcome.describe()}",
            hint=fix,
            transcript=server.transcript,
            extra=client_output(outcome),
        )
    assert_raises_within(
        outcome,
        client.granted(timeout) + timeouts.client_slack,
        transcript=server.transcript,
        first_contact=server.accepted_at,
        expected=f"fetch() to raise at once for a certificate that is {case.description}",
        hint="let the ssl.SSLCertVerificationError from the handshake propagate",
    )


@requirement(
    "tls.client/reject-invalid-certificate",
    MUST,
    "The client MUST raise for an untrusted CA, a self-signed certificate, a hostname (or "
    "IP address) mismatch, an expired certificate and a not-yet-valid one, and send "
    "nothing over such a connection.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(REJECTED))
def test_reject_invalid_certificate(client_under_test, certificates, case_name, timeouts):
    check_rejected(client_under_test, certificates, timeouts, *REJECTED[case_name])


@requirement(
    "tls.client/reject-broken-chain",
    MUST,
    "The client MUST raise when the chain to cafile is broken: an intermediate the server "
    "does not send, or an issuer that is not a CA.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(BROKEN_CHAINS))
def test_reject_broken_chain(client_under_test, certificates, case_name, timeouts):
    check_rejected(client_under_test, certificates, timeouts, *BROKEN_CHAINS[case_name])


@requirement(
    "tls.client/sni",
    MUST,
    "The client MUST send SNI: the server_hostname it was given, in its ClientHello.",
    seed=SEED,
)
def test_sni(client_under_test, certificates, timeouts):
    server, _, outcome = serve_and_fetch(client_under_test, certificates, timeouts, "localhost")
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    sent = server.tls.sni  # one entry per ClientHello: the name, or None without SNI
    if sent == [HOSTNAME]:
        return
    if not sent:
        actual = "no ClientHello: the client never started a TLS handshake"
    elif sent[-1] is None:
        actual = "a ClientHello without SNI"
    else:
        actual = f"a ClientHello naming {sent[-1]!r}"
    raise Mismatch(
        expected=f"a ClientHello naming {HOSTNAME!r} (SNI)",
        actual=actual,
        hint="pass server_hostname=server_hostname to wrap_socket() (or to "
        "asyncio.open_connection): it is both the SNI sent and the name checked",
        transcript=server.transcript,
        extra=client_output(outcome),
    )


@requirement(
    "tls.client/handshake-timeout",
    MUST,
    "The client MUST raise within timeout + 1 s when the server accepts and never answers "
    "the handshake.",
    seed=SEED + "; 000 'Timeouts'",
)
def test_handshake_timeout(client_under_test, certificates, timeouts):
    timeout = timeouts.client_timeout
    allowed = client_under_test.granted(timeout) + timeouts.client_slack
    received = {}

    def script(stream, server):
        # A plain TCP server: it reads the ClientHello and never answers it.
        received["hello"] = stream.recv_exactly(5, timeout=timeouts.io).data
        stream.transcript.note("read the ClientHello; never answers it")
        server.wait_stopped(allowed + timeouts.client_kill_margin + 1)

    with ScriptedServer(script, accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, certificates, timeouts, timeout=timeout)
    hello = received.get("hello", b"")
    assert_client_connected(
        bool(hello), outcome, transcript=server.transcript, what="connected and sent bytes to"
    )
    if not hello.startswith(b"\x16\x03"):
        raise Mismatch(
            expected="a TLS ClientHello (a handshake record, 0x16 0x03 ...)",
            actual=f"the client sent {hello!r}: not TLS",
            hint="wrap the socket with an SSLContext before sending anything",
            transcript=server.transcript,
            extra=client_output(outcome),
        )
    assert_raises_within(
        outcome,
        allowed,
        transcript=server.transcript,
        first_contact=server.accepted_at,
        expected=f"fetch(..., timeout={timeout:g}) to raise within {allowed:g} s",
        hint="a timeout must raise: don't catch TimeoutError (or OSError) and return what you have"
        if outcome.returned
        else "set the timeout before the handshake: socket.create_connection((host, port), "
        "timeout=timeout) and then wrap_socket() (the handshake runs under the socket's "
        "timeout); don't settimeout(None) before wrapping",
    )
