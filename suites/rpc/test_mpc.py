"""mpc.echo: ``serve(host, port, authkey)`` echoes every object a
``multiprocessing.connection`` client sends, after the authkey handshake.

The suite's client is the standard library's own ``Connection`` and handshake (what
``Client(address, authkey=...)`` does), with a deadline on every read and write
(``fixtures.mpcpeer``).  The security case is a raw socket that skips the handshake and sends
a pickle whose loading would create a marker file in a directory of the suite's: unpickling
data from a peer that has not proved the key is remote code execution.
"""

from __future__ import annotations

import os
import secrets
import struct
import time
from multiprocessing import AuthenticationError

import pytest

from fixtures.asserts import connect
from fixtures.errors import Mismatch
from fixtures.mpcpeer import Echo, describe_error, exchange, frame, pickle_bomb, raw_connection
from fixtures.mpcpeer import connect as mpc_connect
from fixtures.requirements import MUST, SHOULD, requirement

SEED = "004 'Communicating between Interpreters'"
HINT_ECHO = "loop: msg = conn.recv(); conn.send(msg), until recv() raises EOFError"
HINT_KEY = (
    "Listener((host, port), authkey=authkey) with the key as given, bytes (a command gets it "
    "as hex: bytes.fromhex)"
)
HINT_NO_CHALLENGE = (
    "the handshake starts with the server's challenge: create the Listener with "
    "authkey=authkey (without it there is no handshake), and don't let another client's "
    "handshake hold up accept()"
)
HINT_SERVE_ON = (
    "handle each client in its own thread, and catch every exception of one client (EOFError; "
    "OSError, which a client gone mid-message raises; AuthenticationError from accept()) so "
    "the accept loop goes on"
)


@pytest.fixture(scope="session")
def authkey() -> bytes:
    return secrets.token_bytes(16)


@pytest.fixture(scope="session")
def role_args(authkey: bytes):
    return {"authkey": authkey}


def client(server, authkey: bytes, timeouts, context: str = "", rcvbuf=None):
    """A connected, authenticated client; ``context`` says when, for a failure."""
    try:
        return mpc_connect(server.address, authkey, timeouts.io, rcvbuf)
    except (OSError, EOFError, AuthenticationError, AssertionError) as exc:
        server.ensure_alive(f"during a handshake {context}".rstrip(), hint=HINT_SERVE_ON)
        silent = isinstance(exc, BlockingIOError | TimeoutError)
        raise Mismatch(
            expected=f"the authkey handshake to succeed {context}".rstrip(),
            actual="the server sent no challenge within the deadline"
            if silent
            else describe_error(exc),
            hint=HINT_NO_CHALLENGE if silent else HINT_KEY,
        ) from None


def expect_echo(echo: Echo, sent: object, what: str) -> None:
    if echo.ok and echo.value == sent and type(echo.value) is type(sent):
        return
    shown = (
        echo.error
        if not echo.ok
        else f"{len(echo.value)} bytes"
        if isinstance(echo.value, bytes) and len(echo.value) > 200
        else f"a {type(echo.value).__name__}: {echo.value!r:.200}"
    )
    raise Mismatch(expected=f"{what} echoed intact", actual=shown, hint=HINT_ECHO)


def round_trip(server, authkey: bytes, timeouts, after: str) -> None:
    server.ensure_alive(after, hint=HINT_SERVE_ON)
    with client(server, authkey, timeouts, f"for a new client {after}") as conn:
        echo = exchange(conn, ("still", "serving"))
    if not echo.ok:
        server.ensure_alive(after, hint=HINT_SERVE_ON)
        raise Mismatch(
            expected=f"an honest client to get its echo {after}",
            actual=echo.error,
            hint=HINT_SERVE_ON,
        )
    expect_echo(echo, ("still", "serving"), f"a new client's message {after}")


MESSAGES = {
    "str": "hello",
    "non-ascii-str": "héllo wörld 日本",
    "int": 42,
    "big-int": 2**100,
    "float": 3.25,
    "none": None,
    "bytes": bytes(range(256)),
    "empty-bytes": b"",
    "list": [1, 2, 3, 4, 5],
    "dict": {"a": 1, "b": [2, 3]},
    "nested": {"list": [1, (2, 3), {"x": None}], "set": {1, 2}, "bytes": b"\x00\xff"},
    "8-MiB-bytes": bytes(range(256)) * (32 * 1024),
}


@requirement(
    "mpc.echo/round-trip",
    MUST,
    "The server MUST echo every picklable object intact: str, int, float, None, bytes, list, "
    "dict, nested structures, an 8 MiB bytes object.",
    seed=SEED,
)
@pytest.mark.parametrize("name", list(MESSAGES))
def test_round_trip(server, authkey, timeouts, name):
    message = MESSAGES[name]
    with client(server, authkey, timeouts) as conn:
        expect_echo(exchange(conn, message), message, name)


@requirement(
    "mpc.echo/one-message-per-recv",
    MUST,
    "Messages sent before any reply MUST come back one per recv, intact and in order.",
    seed="004 'Communicating between Interpreters' (messages are kept intact)",
)
def test_one_message_per_recv(server, authkey, timeouts):
    sent = [("message", i, "x" * (i * 37 % 5000)) for i in range(50)]
    got: list[object] = []
    with client(server, authkey, timeouts) as conn:
        try:
            for message in sent:
                conn.send(message)
            while len(got) < len(sent):
                got.append(conn.recv())
        except (OSError, EOFError) as exc:
            raise Mismatch(
                expected="50 echoes of 50 messages sent back to back",
                actual=f"{len(got)} of 50 echoes came back, then {describe_error(exc)}",
                hint=HINT_ECHO + "; send each object back as it is, once per recv",
            ) from None
    if got != sent:
        first = next(i for i, (a, b) in enumerate(zip(got, sent, strict=True)) if a != b)
        raise Mismatch(
            expected="the 50 messages back in order, one per recv",
            actual=f"message {first} came back as {got[first]!r:.120}",
            hint=HINT_ECHO + "; send each object as it is, once",
        )


@requirement(
    "mpc.echo/wrong-authkey",
    MUST,
    "A client with the wrong authkey MUST be rejected (its handshake fails), and the server "
    "MUST keep serving clients with the right one.",
    seed=SEED,
)
def test_wrong_authkey(server, authkey, timeouts):
    wrong = bytes(b ^ 0xFF for b in authkey)
    try:
        conn = mpc_connect(server.address, wrong, timeouts.io)
    except AuthenticationError:
        pass
    except (OSError, EOFError, AssertionError) as exc:
        server.ensure_alive("rejecting a wrong authkey")
        raise Mismatch(
            expected="the handshake with a wrong authkey to fail with AuthenticationError",
            actual=describe_error(exc),
            hint=HINT_NO_CHALLENGE
            if isinstance(exc, BlockingIOError | TimeoutError)
            else "Listener(address, authkey=authkey) runs the challenge in accept()",
        ) from None
    else:
        echo = exchange(conn, "sent with the wrong key")
        conn.close()
        raise Mismatch(
            expected="a client with the wrong authkey to be rejected",
            actual="the handshake succeeded"
            + (f" and the server echoed {echo.value!r}" if echo.ok else ""),
            hint="pass authkey=authkey to Listener: without it there is no handshake at all",
        )
    round_trip(server, authkey, timeouts, "after rejecting a wrong authkey")


RCE_HINT = (
    "create the Listener with authkey=authkey, so that accept() makes every peer prove the key "
    "(an HMAC challenge) before a single message is read; never call recv() on a connection "
    "that has not passed it. Unpickling data from a peer that has not authenticated is remote "
    "code execution: a pickle names a function to call when it is loaded; this one only "
    "created a file, an attacker's would run os.system ('never use pickle with untrusted "
    "clients')"
)


@requirement(
    "mpc.echo/no-unpickling-before-auth",
    MUST,
    "The server MUST NOT unpickle anything from a peer that has not authenticated: a pickle "
    "sent without the handshake, or after a failed one, must never be loaded.",
    seed="004 'Communicating between Interpreters'; 000 'Miscellaneous Comments' (never use "
    "pickle with untrusted clients)",
)
@pytest.mark.parametrize("when", ["immediately", "after-challenge", "after-wrong-digest"])
def test_no_unpickling_before_auth(server, authkey, timeouts, tmp_path, when):
    marker = tmp_path / f"unpickled-{when}"
    bomb = frame(pickle_bomb(marker))
    with connect(server, timeouts.connect) as stream:
        if when != "immediately":
            stream.pump(timeout=timeouts.stall_pause, want=4)  # the challenge, if any
            stream.take()
        if when == "after-wrong-digest":
            stream.send(frame(b"\x00" * 16), timeout=timeouts.io)  # not the HMAC of anything
            stream.pump(timeout=timeouts.stall_pause, want=4)
            stream.take()
        stream.send(bomb, timeout=timeouts.io)
        stream.pump(timeout=timeouts.stall_pause, until_eof=True)
        if not (stream.eof or stream.reset_seen):
            stream.send(bomb, timeout=timeouts.io)  # once more, as an ordinary message
        deadline = time.monotonic() + timeouts.stall_pause * 2
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)  # polls the marker up to the deadline above
        transcript = stream.transcript
    if marker.exists():
        raise Mismatch(
            expected="the server to read nothing from a peer that skipped the authkey handshake",
            actual=f"it unpickled the message (the payload created {marker.name})",
            hint=RCE_HINT,
            transcript=transcript,
        )
    round_trip(server, authkey, timeouts, f"after an unauthenticated pickle ({when})")


DISCONNECTS = {
    "mid-conversation": "in the middle of a conversation",
    "mid-message": "in the middle of a message",
    "before-auth": "before authenticating",
    "during-large-echo": "while its 8 MiB echo was being sent",
}


@requirement(
    "mpc.echo/survives-disconnects",
    MUST,
    "The server MUST keep serving after a client disconnects mid-conversation, mid-message, "
    "before authenticating, or while its large echo is being sent.",
    seed=SEED,
)
@pytest.mark.parametrize("when", list(DISCONNECTS))
def test_survives_disconnects(server, authkey, timeouts, when):
    if when == "before-auth":
        with connect(server, timeouts.connect):
            pass
    elif when == "mid-conversation":
        with client(server, authkey, timeouts) as conn:
            exchange(conn, "one")
            conn.send("two")
            # The echo arrives and stays unread: closing now resets the connection, so the
            # server's next recv() raises ConnectionResetError (not EOFError) every time.
            conn.poll(timeouts.io)
    else:
        conn = client(server, authkey, timeouts, rcvbuf=64 * 1024)
        try:
            if when == "mid-message":  # a frame announcing 1000 bytes, then 7 of them
                os.write(conn.fileno(), struct.pack("!i", 1000) + b"partial")
            else:  # a pickled 8 MiB object, its echo left unread behind a small buffer
                conn.send(bytes(8 * 1024 * 1024))
                conn.poll(timeouts.io)
        except OSError:
            pass
        finally:
            conn.close()
    round_trip(server, authkey, timeouts, f"after a client disconnected {DISCONNECTS[when]}")


IDLE = {
    "authenticated": "another client is authenticated and idle",
    "silent-before-auth": "another client is connected but has not answered the challenge",
}


@requirement(
    "mpc.echo/concurrent",
    SHOULD,
    "The server SHOULD serve a client while another is connected and idle, authenticated or not.",
    seed="004 'Communicating between Interpreters'; 000 'Threaded Server'",
)
@pytest.mark.parametrize("idle", ["authenticated", "silent-before-auth"])
def test_concurrent(server, authkey, timeouts, idle):
    if idle == "authenticated":
        first = client(server, authkey, timeouts)
    else:
        first = raw_connection(server.address, timeouts.io)  # never answers the challenge
    try:
        with client(server, authkey, timeouts, f"while {IDLE[idle]}") as conn:
            echo = exchange(conn, "second client")
    except Mismatch as exc:
        exc.hint += (
            "; if a lone client gets its echo, the idle one is holding up the others: "
            + HINT_SERVE_ON
            + " (Listener.accept() runs the handshake: run it in the client's thread)"
        )
        raise
    finally:
        first.close()
    if not (echo.ok and echo.value == "second client"):
        raise Mismatch(
            expected=f"a second client's echo while {IDLE[idle]}",
            actual=echo.error or repr(echo.value),
            hint=HINT_SERVE_ON,
        )
