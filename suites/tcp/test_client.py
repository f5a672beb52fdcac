"""tcp.client: ``fetch(host, port, request, timeout)`` returns every byte until EOF.

The suite plays the server (a scripted server on loopback) and calls the client once per
case in a child process.  Command-form clients get the request on stdin and answer on stdout.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fixtures.asserts import (
    assert_client_connected,
    assert_raises_within,
    assert_returned,
    client_output,
    describe_difference,
)
from fixtures.errors import Mismatch
from fixtures.peers import ScriptedServer, refusing_port
from fixtures.requirements import MUST, requirement
from fixtures.schedules import BULK_SCHEDULES, STREAM_SCHEDULES

REQUEST = b"please send the whole response, then I will read it to EOF\n"
SEED_REASSEMBLY = "000 'TCP Client', 'Partial Reads/Writes', 'Data Reassembly'"
HINT_REASSEMBLY = (
    "recv() returns whatever has arrived so far: keep calling it and collect "
    "the chunks until it returns b'' (EOF), then join them"
)


def fetch(client, server_address, timeouts, *, request=REQUEST, timeout=None):
    """Call the client under test once; it may take ``timeout`` plus the allowed slack."""
    timeout = timeouts.io * 2 if timeout is None else timeout
    kill_after = client.granted(timeout) + timeouts.client_slack + timeouts.client_kill_margin
    return client.call(
        kill_after, host=server_address[0], port=server_address[1], request=request, timeout=timeout
    )


def respond_with(response, timeouts, *, schedule=STREAM_SCHEDULES[0], seed=0, stall=None):
    """A server script: read the request, send ``response`` under ``schedule`` (optionally
    pausing ``stall`` seconds half way), then close."""

    def script(stream, server):
        stream.recv_exactly(len(REQUEST), timeout=timeouts.io)
        if stall is None:
            stream.send(response, timeout=timeouts.bulk, schedule=schedule, seed=seed)
            return
        half = len(response) // 2
        stream.send(response[:half], timeout=timeouts.io)
        stream.transcript.note(f"pauses {stall:.1f} s before sending the rest")
        server.wait_stopped(stall)
        stream.send(response[half:], timeout=timeouts.io)

    return script


def assert_fetched(outcome, expected: bytes, server, *, hint: str) -> None:
    """fetch() must have returned exactly what the scripted server sent."""
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    assert_returned(
        outcome,
        expected,
        role="tcp.client",
        function="fetch",
        hint=hint,
        transcript=server.transcript,
        wanted=(
            f"fetch() to return all {len(expected)} bytes the server sent before closing"
            if expected
            else "fetch() to return b'' (the server closed without sending)"
        ),
        describe=lambda value: describe_difference(expected, value, verb="were returned"),
    )


def request_larger_than_send_buffers() -> int:
    """A request one send() cannot take whole: larger than the kernel's largest send buffer
    (tcp_wmem, 4 MiB by default: loopback grows the buffer that far at once)."""
    try:
        largest = int(Path("/proc/sys/net/ipv4/tcp_wmem").read_text().split()[2])
    except (OSError, ValueError, IndexError):
        largest = 4 * 1024 * 1024
    return largest + 1024 * 1024


@requirement(
    "tcp.client/whole-request",
    MUST,
    "The client MUST send the whole request even when the server reads slowly with small buffers.",
    seed="000 'Partial Reads/Writes', 'Sending All Data'",
)
def test_whole_request(client_under_test, timeouts, case_seed):
    size = request_larger_than_send_buffers()
    request = random.Random(case_seed).randbytes(size - len(REQUEST)) + REQUEST
    received = {}

    def script(stream, server):
        # Slow at first (not reading at all), so the client's buffers fill and a single
        # send() returns short; then read in small pieces through a small window.
        stream.transcript.note(f"reads nothing for {timeouts.stall_pause:.1f} s")
        server.wait_stopped(timeouts.stall_pause)
        got = stream.read_slowly(len(request), chunk=65536, pause=0, timeout=timeouts.io)
        received["data"] = got.data
        stream.send(b"received\n", timeout=timeouts.io)

    with ScriptedServer(script, accept_timeout=timeouts.io, rcvbuf=4096) as server:
        outcome = fetch(client_under_test, server.address, timeouts, request=request)
    got = received.get("data", b"")
    if got == request:
        return
    assert_client_connected(server.accepted.is_set(), outcome, transcript=server.transcript)
    raise Mismatch(
        expected=f"the server to receive the whole {len(request)}-byte request",
        actual=f"{describe_difference(request, got, verb='arrived')}; the client "
        f"{outcome.describe()}",
        hint="send() writes only what fits in the socket's buffer and returns how much it "
        "wrote: use sendall(request)",
        transcript=server.transcript,
        extra=client_output(outcome),
    )


@requirement(
    "tcp.client/fragmented-response",
    MUST,
    "The client MUST return the whole response when it arrives in fragments with pauses.",
    seed=SEED_REASSEMBLY,
)
@pytest.mark.parametrize("schedule", STREAM_SCHEDULES, ids=str)
def test_fragmented_response(client_under_test, schedule, timeouts, case_seed):
    response = b"".join(b"fragment %03d of the response\n" % i for i in range(12))
    script = respond_with(response, timeouts, schedule=schedule, seed=case_seed)
    with ScriptedServer(script, accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, timeouts)
    assert_fetched(outcome, response, server, hint=HINT_REASSEMBLY)


@requirement(
    "tcp.client/large-response",
    MUST,
    "The client MUST return a large response (4 MiB) byte-exact.",
    seed=SEED_REASSEMBLY,
)
@pytest.mark.parametrize("schedule", BULK_SCHEDULES, ids=str)
def test_large_response(client_under_test, schedule, timeouts, case_seed):
    response = random.Random(case_seed).randbytes(4 * 1024 * 1024)
    script = respond_with(response, timeouts, schedule=schedule, seed=case_seed)
    with ScriptedServer(script, accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, timeouts, timeout=timeouts.bulk)
    assert_fetched(
        outcome, response, server, hint=HINT_REASSEMBLY + "; keep the data as bytes (no decoding)"
    )


@requirement(
    "tcp.client/empty-response",
    MUST,
    'The client MUST return b"" when the server closes without sending.',
    seed="000 'End of Data'",
)
def test_empty_response(client_under_test, timeouts):
    with ScriptedServer(respond_with(b"", timeouts), accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, timeouts)
    assert_fetched(
        outcome,
        b"",
        server,
        hint="an immediate EOF is a complete, empty response: return b'', don't "
        "raise and don't return None",
    )


@requirement(
    "tcp.client/wait-for-eof",
    MUST,
    "The client MUST NOT return before EOF (the server sends part, pauses, sends the rest).",
    seed="000 'End of Data', 'Data Reassembly'",
)
def test_wait_for_eof(client_under_test, timeouts):
    response = b"first half of the response, " + b"and the second half after a pause\n"
    script = respond_with(response, timeouts, stall=timeouts.eof_pause)
    with ScriptedServer(script, accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, timeouts)
    assert_fetched(
        outcome,
        response,
        server,
        hint="a pause is not the end of the response: only recv() returning b'' "
        "is; don't stop at the first short read or quiet moment",
    )


@requirement(
    "tcp.client/timeout",
    MUST,
    "The client MUST raise within timeout + 1 s when the server accepts and stays silent.",
    seed="000 'Timeouts'",
)
def test_timeout(client_under_test, timeouts):
    timeout = timeouts.client_timeout
    allowed = client_under_test.granted(timeout) + timeouts.client_slack

    received = {}

    def script(stream, server):
        received["request"] = stream.recv_exactly(len(REQUEST), timeout=timeouts.io).data
        stream.transcript.note("stays silent, connection open")
        server.wait_stopped(allowed + timeouts.client_kill_margin + 1)

    with ScriptedServer(script, accept_timeout=timeouts.io) as server:
        outcome = fetch(client_under_test, server.address, timeouts, timeout=timeout)
    # Precondition: it connected and sent its request; only then is silence what it met.
    assert_client_connected(
        received.get("request") == REQUEST,
        outcome,
        transcript=server.transcript,
        what="connected and sent its whole request to",
    )
    assert_raises_within(
        outcome,
        allowed,
        transcript=server.transcript,
        first_contact=server.accepted_at,
        expected=f"fetch(..., timeout={timeout:g}) to raise within {allowed:g} s",
        hint="set a timeout on the socket (sock.settimeout(timeout), or "
        "create_connection(..., timeout=timeout)) and let the timeout error propagate; "
        "don't catch it and return what you have",
    )


@requirement(
    "tcp.client/refused",
    MUST,
    "The client MUST raise on connection refused.",
    seed="000 'TCP Client'",
)
def test_refused(client_under_test, timeouts):
    timeout = timeouts.refused_timeout
    with refusing_port() as address:
        outcome = fetch(client_under_test, address, timeouts, timeout=timeout)
    assert_raises_within(
        outcome,
        timeout + timeouts.client_slack,
        expected="fetch() to raise when the connection is refused",
        hint="let ConnectionRefusedError propagate (don't catch OSError and return b'' or None)",
    )
