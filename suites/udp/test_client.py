"""udp.client: ``query(host, port, payload, timeout, retries)`` returns the reply datagram.

The suite plays the server (a scripted UDP server on loopback that can drop the first
datagrams, stay silent, or answer from another address) and calls the client once per case
in a child process.  Command-form clients get the payload on stdin and write the reply to
stdout; ``{timeout}``, ``{timeout_int}`` and ``{retries}`` are in their placeholders.
"""

from __future__ import annotations

import math
import random

import pytest

from fixtures.asserts import (
    assert_client_connected,
    assert_raises_within,
    assert_returned,
    client_output,
)
from fixtures.errors import Mismatch
from fixtures.peers import ScriptedDatagramServer
from fixtures.requirements import MUST, SHOULD, requirement
from fixtures.transcript import preview

SEED = "004 'Using UDP'; 000 'Timeouts'"
PAYLOAD = b"what time is it?"
HINT_WHOLE_REPLY = (
    "read with recvfrom(65535): a smaller buffer cuts a larger datagram short; return the "
    "bytes as they are"
)


def answer(data: bytes) -> bytes:
    return b"reply to " + data


def query(client, server, timeouts, *, timeout: float, retries: int, payload=PAYLOAD):
    """Call the client once; it may take its tries' worth of time plus the slack."""
    kill_after = (
        client.granted(timeout) * retries + timeouts.client_slack + timeouts.client_kill_margin
    )
    return client.call(
        kill_after,
        host=server.address[0],
        port=server.address[1],
        payload=payload,
        timeout=timeout,
        retries=retries,
    )


def assert_sent(server, outcome) -> None:
    """Precondition of every case: a datagram of the client's reached the suite's server."""
    assert_client_connected(
        bool(server.received), outcome, transcript=server.transcript, what="sent a datagram to"
    )


def lifetime(timeouts, timeout: float, retries: int) -> float:
    return math.ceil(timeout) * retries + timeouts.client_slack + timeouts.client_kill_margin + 1


REPLIES = {
    "text": lambda rng: None,  # the default answer: b"reply to " + payload
    "all-byte-values": lambda rng: bytes(range(256)),
    "large": lambda rng: rng.randbytes(60000),
    "empty": lambda rng: b"",  # an empty datagram is a reply (b""), not the lack of one
}


@requirement(
    "udp.client/reply", MUST, "The client MUST return the reply datagram, byte for byte.", seed=SEED
)
@pytest.mark.parametrize("kind", REPLIES.keys())
def test_reply(client_under_test, kind, timeouts, case_seed):
    fixed = REPLIES[kind](random.Random(case_seed))
    expected = fixed if fixed is not None else answer(PAYLOAD)
    with ScriptedDatagramServer(
        reply=lambda data: expected, lifetime=lifetime(timeouts, timeouts.io, 1)
    ) as server:
        outcome = query(client_under_test, server, timeouts, timeout=timeouts.io, retries=1)
    assert_sent(server, outcome)
    assert_returned(
        outcome,
        expected,
        role="udp.client",
        function="query",
        transcript=server.transcript,
        wanted=f"query() to return the {len(expected)}-byte reply exactly",
        describe=lambda value: (
            f"returned {len(value)} bytes: {preview(value)}"
            if isinstance(value, bytes)
            else repr(value)
        ),
        hint="an empty datagram is a reply too: recvfrom() returns b'' for it, which is the "
        "answer to return (a command writes nothing and exits 0)"
        if not expected
        else HINT_WHOLE_REPLY
        if isinstance(outcome.value, bytes) and expected.startswith(outcome.value)
        else "return the reply exactly as received: bytes, not decoded (for a command: "
        "write it to stdout unchanged, in binary); see the client's output below",
    )


@requirement(
    "udp.client/retry",
    MUST,
    "The client MUST retry when the first datagrams get no reply.",
    seed=SEED,
)
def test_retry(client_under_test, timeouts):
    timeout, retries = timeouts.udp_try, 4
    with ScriptedDatagramServer(
        reply=answer, drop_first=2, lifetime=lifetime(timeouts, timeout, retries)
    ) as server:
        outcome = query(client_under_test, server, timeouts, timeout=timeout, retries=retries)
    assert_sent(server, outcome)
    assert_returned(
        outcome,
        answer(PAYLOAD),
        role="udp.client",
        function="query",
        transcript=server.transcript,
        wanted=f"query(..., timeout={timeout:g}, retries={retries}) to return the reply to "
        "its third try (the server ignored the first two)",
        hint="UDP loses datagrams: after each timeout send the datagram again, up to "
        "`retries` tries in all, and return the first reply",
    )


@requirement(
    "udp.client/give-up",
    MUST,
    "The client MUST raise after `retries` unanswered tries, within the time they "
    "allow (retries x timeout, plus 1 s).",
    seed=SEED,
)
def test_give_up(client_under_test, timeouts):
    timeout, retries = timeouts.udp_try, 3
    allowed = client_under_test.granted(timeout) * retries + timeouts.client_slack
    with ScriptedDatagramServer(
        silent=True, lifetime=lifetime(timeouts, timeout, retries)
    ) as server:
        outcome = query(client_under_test, server, timeouts, timeout=timeout, retries=retries)
    assert_sent(server, outcome)
    assert_raises_within(
        outcome,
        allowed,
        transcript=server.transcript,
        first_contact=server.first_contact,
        expected=f"query(..., timeout={timeout:g}, retries={retries}) to raise within "
        f"{allowed:g} s when no reply ever comes",
        hint="set a timeout on the socket and count the tries: after `retries` timeouts "
        "raise (socket.timeout / TimeoutError), never loop forever or return None",
    )
    if len(server.received) < retries:
        raise Mismatch(
            expected=f"{retries} tries (datagrams) before giving up",
            actual=f"the client raised after {len(server.received)} "
            f"{'try' if len(server.received) == 1 else 'tries'}",
            transcript=server.transcript,
            extra=client_output(outcome),
            hint="send the datagram again after each timeout until `retries` tries are used",
        )


@requirement(
    "udp.client/ignore-strangers",
    SHOULD,
    "The client SHOULD ignore datagrams from other addresses than the server's.",
    seed=SEED,
)
@pytest.mark.parametrize("variant", ["stranger-first", "answer-from-other"])
def test_ignore_strangers(client_under_test, variant, timeouts):
    timeout, retries = timeouts.udp_try * 2, 1
    stranger = b"not from the server"
    if variant == "stranger-first":
        script = ScriptedDatagramServer(
            reply=answer, also_from_other=stranger, lifetime=lifetime(timeouts, timeout, retries)
        )
    else:
        script = ScriptedDatagramServer(
            reply=lambda data: stranger,
            answer_from_other=True,
            lifetime=lifetime(timeouts, timeout, retries),
        )
    with script as server:
        outcome = query(client_under_test, server, timeouts, timeout=timeout, retries=retries)
    assert_sent(server, outcome)
    hint = (
        "check the address recvfrom() returns and ignore datagrams that are not from "
        "(host, port); or connect() the UDP socket, which makes the kernel drop them"
    )
    if variant == "stranger-first":
        assert_returned(
            outcome,
            answer(PAYLOAD),
            role="udp.client",
            function="query",
            transcript=server.transcript,
            hint=hint,
            wanted="query() to return the server's reply, not the datagram a stranger sent first",
        )
    else:
        assert_raises_within(
            outcome,
            client_under_test.granted(timeout) * retries + timeouts.client_slack,
            transcript=server.transcript,
            first_contact=server.first_contact,
            hint=hint,
            expected="query() to raise: the only answer came from another "
            "address than the server's",
        )
