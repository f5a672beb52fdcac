"""tcp.greeting: the seed's "TCP Server", ``serve(host, port)``.

For every client: send ``f'Hello {addr}'`` (the client's address tuple, as accept() returns
it), then close.  The client never sends anything.
"""

from __future__ import annotations

from fixtures.asserts import connect
from fixtures.errors import Mismatch
from fixtures.requirements import MUST, SHOULD, requirement

SEED = "000 'TCP Server'"
HINT_NO_WAIT = "send the greeting as soon as accept() returns; don't recv() first"
HINT_FORMAT = (
    "send f'Hello {addr}'.encode() where addr is the (host, port) tuple accept() "
    "returned for this client, nothing more (no newline), then close()"
)


def expected_greeting(stream) -> bytes:
    host, port = stream.local_address
    return f"Hello {(host, port)}".encode()


def nothing(outcome) -> str:
    """What a client that received no byte at all saw."""
    if outcome.reset:
        return "no greeting: the connection was reset"
    if outcome.eof:
        return "no greeting: the connection closed without any data"
    return f"no greeting within {outcome.seconds:.1f} s"


def read_greeting(server, stream, timeout):
    outcome = stream.recv_to_eof(timeout=timeout)
    if not outcome.eof and not outcome.data:
        server.ensure_alive("before greeting the client")
    return outcome


@requirement(
    "tcp.greeting/greet-then-close",
    MUST,
    "The server MUST send exactly Hello ('127.0.0.1', <client port>), the "
    "f'Hello {addr}' of the client's address tuple, then close.",
    seed=SEED,
)
def test_greet_then_close(server, timeouts):
    with connect(server, timeouts.connect) as stream:
        want = expected_greeting(stream)
        outcome = read_greeting(server, stream, timeouts.io)
    if outcome.data == want and outcome.eof:
        return
    if outcome.data == want:
        actual = f"the right greeting, but the connection stayed open for {timeouts.io:.1f} s"
        hint = "close() the client's socket right after sending the greeting"
    elif not outcome.data:
        actual = nothing(outcome)
        hint = HINT_NO_WAIT
    else:
        actual = f"{outcome.data!r} ({outcome.ending() or 'connection still open'})"
        hint = HINT_FORMAT
    raise Mismatch(
        expected=f"{want!r}, then EOF", actual=actual, hint=hint, transcript=stream.transcript
    )


@requirement(
    "tcp.greeting/no-wait-for-data",
    MUST,
    "The server MUST NOT wait for client data before greeting.",
    seed=SEED,
)
def test_no_wait_for_data(server, timeouts):
    with connect(server, timeouts.connect) as stream:
        stream.transcript.note("sends nothing and waits for the greeting")
        want = expected_greeting(stream)
        outcome = stream.recv_exactly(len(want), timeout=timeouts.io)
    if outcome.data:
        return
    server.ensure_alive("before greeting the client")
    raise Mismatch(
        expected=f"the greeting {want!r} without sending anything first",
        actual=(
            "the connection closed without a greeting"
            if outcome.eof
            else f"nothing within {timeouts.io:.1f} s"
        ),
        transcript=stream.transcript,
        hint=HINT_NO_WAIT,
    )


@requirement(
    "tcp.greeting/consecutive-clients",
    MUST,
    "The server MUST greet consecutive clients, each with its own address.",
    seed=SEED,
)
def test_consecutive_clients(server, timeouts):
    for i in range(5):
        with connect(server, timeouts.connect, doing=f"(client {i + 1} of 5)") as stream:
            want = expected_greeting(stream)
            # Only the greeting: closing afterwards is greet-then-close's requirement.
            outcome = stream.recv_exactly(len(want), timeout=timeouts.io)
        if outcome.data != want:
            if not outcome.data:
                server.ensure_alive(f"before greeting client {i + 1} of 5")
            raise Mismatch(
                expected=f"client {i + 1} of 5 in a row greeted with its own address {want!r}",
                actual=f"{outcome.data!r} ({outcome.ending() or 'connection still open'})"
                if outcome.data
                else nothing(outcome),
                transcript=stream.transcript,
                hint=HINT_NO_WAIT
                if not outcome.data
                else HINT_FORMAT
                if i == 0
                else "build the greeting from the address accept() returns for each client, "
                "inside the accept loop; don't reuse an earlier client's",
            )


@requirement(
    "tcp.greeting/idle-client",
    SHOULD,
    "The server SHOULD not stall on an idle client: a client that connects and "
    "never reads must not delay the next one's greeting.",
    seed=SEED,
)
def test_idle_client(server, timeouts):
    with connect(server, timeouts.connect) as idle:
        idle.transcript.note("connects, never reads, never closes")
        with connect(server, timeouts.connect, doing="while another client idles") as stream:
            outcome = stream.recv_exactly(1, timeout=timeouts.io)
    if outcome.data:  # greeted at all: not stalled (the format is greet-then-close's business)
        return
    server.ensure_alive("while a client idled")
    raise Mismatch(
        expected="the second client greeted while the first idles",
        actual=(
            "its connection closed without a greeting"
            if outcome.eof
            else f"no greeting within {timeouts.io:.1f} s"
        ),
        transcript=stream.transcript,
        hint="after sending the greeting close() at once; don't wait for the client "
        "to read or close first (or handle each client in its own thread)",
    )
