"""Verify helpers: the hint follows the symptom, and a client that never reached the suite's
server is told so before anything about the protocol."""

from __future__ import annotations

import random

import pytest

from fixtures.asserts import (
    HINT_BYTES,
    HINT_PARTIAL_READS,
    assert_client_connected,
    assert_echoed,
)
from fixtures.drivers import CallOutcome
from fixtures.errors import Mismatch
from fixtures.peers import Outcome
from fixtures.transcript import Transcript


class FakeStream:
    transcript = Transcript("client")
    transport = None  # not TLS: no hint about records


SENT = bytes(range(256)) + b"\n"
BULK = random.Random(5).randbytes(65536)


@pytest.mark.parametrize(
    ("got", "hint"),
    [
        (SENT[:10], HINT_PARTIAL_READS),  # fewer bytes, all right: bytes went missing
        (SENT.replace(b"\r", b"")[:200], HINT_BYTES),  # fewer AND changed: a text-mode file
        (SENT[:128] + b"?" * 129, HINT_BYTES),  # as many, changed: decoded and re-encoded
        (BULK[:4096] + BULK[12288:], HINT_PARTIAL_READS),  # a block lost: a short send()
    ],
    ids=["missing", "text-mode", "replaced", "block-lost"],
)
def test_hint_follows_the_symptom(got, hint):
    with pytest.raises(Mismatch) as caught:
        sent = BULK if len(got) > len(SENT) else SENT
        assert_echoed(sent, Outcome(data=got), FakeStream())  # type: ignore[arg-type]
    assert caught.value.hint == hint


def test_a_command_that_never_connected_is_told_its_arguments_were_refused():
    outcome = CallOutcome(
        raised="exit status 2",
        elapsed=0.01,
        form="command",
        output_tail="nc: invalid wait time '6.0'",
    )
    with pytest.raises(Mismatch) as caught:
        assert_client_connected(False, outcome, transcript=Transcript("server"))
    assert "most likely rejected its arguments (a usage error)" in caught.value.actual
    assert "{timeout_int}" in caught.value.hint
    assert "nc: invalid wait time" in caught.value.extra


def test_a_python_client_that_never_connected_is_told_so():
    outcome = CallOutcome(raised="builtins.OSError: no route", elapsed=0.01)
    with pytest.raises(Mismatch) as caught:
        assert_client_connected(False, outcome, transcript=Transcript("server"))
    assert caught.value.actual.startswith("the client never connected to the suite's server")
