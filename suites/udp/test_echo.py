"""udp.echo: a datagram echo server, ``serve(host, port)``.

Datagrams are "separate and self-contained" (seed 000): every datagram comes back as one
datagram with identical bytes, from the server's address, whatever its size (0 to 65,507
bytes, the IPv4 maximum) and however many arrive at once.
"""

from __future__ import annotations

import random

import pytest

from fixtures.asserts import HINT_SAME_SOCKET, assert_datagram_from
from fixtures.errors import Mismatch
from fixtures.peers import MAX_DATAGRAM, DatagramPeer
from fixtures.requirements import MUST, requirement
from fixtures.transcript import preview

SEED = "000 'Connections' (Datagrams: each packet separate and self-contained); 004 'Using UDP'"
HINT_WHOLE = (
    "read with recvfrom(65535) (or more: a datagram longer than the buffer is cut "
    "short and the rest is lost), then sendto() exactly the bytes received to the "
    "address recvfrom() returned"
)
HINT_BOUNDARIES = (
    "answer each datagram on its own: one recvfrom(), one sendto() of exactly "
    "those bytes; never join datagrams or split one"
)
HINT_SAME_BYTES = (
    "echo the bytes as received: no decode()/encode(), no strip(), nothing added; an empty "
    "datagram is echoed as an empty datagram"
)
HINT_EMPTY = (
    "reply to every datagram, the empty one too: recvfrom() returning b'' is an empty "
    "datagram, not the end of a stream; sendto(b'', address) sends one back"
)


def hint_for(sent: bytes, got: bytes) -> str:
    """The hint that fits how an echoed datagram differs from the one sent."""
    return HINT_WHOLE if len(got) < len(sent) and sent.startswith(got) else HINT_SAME_BYTES


SIZES = {"empty": 0, "one-byte": 1, "all-byte-values": 256, "largest": MAX_DATAGRAM}


def payload_of(size: int, seed: int) -> bytes:
    if size == 1:
        return b"\xff"  # not text in any encoding a decoding echo would use
    if size == 256:
        return bytes(range(256))
    return random.Random(seed).randbytes(size)


@requirement(
    "udp.echo/identical-datagram",
    MUST,
    "The server MUST echo each datagram as one datagram with identical bytes: "
    "empty, 1 byte, 65,507 bytes.",
    seed=SEED,
)
@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_identical_datagram(server, size, timeouts, case_seed):
    payload = payload_of(size, case_seed)
    with DatagramPeer() as peer:
        peer.send_to(payload, server.address)
        got = assert_datagram_from(
            peer.receive(timeouts.io),
            server,
            peer.transcript,
            hint=HINT_EMPTY if size == 0 else HINT_WHOLE,
            expected=f"the {size}-byte datagram back, as one datagram from "
            f"{server.host}:{server.port.number}",
        )
    if got.data != payload:
        raise Mismatch(
            expected=f"the same {size} bytes back in one datagram",
            actual=f"a datagram of {len(got.data)} bytes: {preview(got.data)}",
            transcript=peer.transcript,
            hint=hint_for(payload, got.data),
        )


@requirement(
    "udp.echo/burst-boundaries",
    MUST,
    "The server MUST keep datagram boundaries for a burst of datagrams from one "
    "client: each comes back as one datagram of its own.",
    seed=SEED,
)
def test_burst_boundaries(server, timeouts, case_seed):
    rng = random.Random(case_seed)
    burst = [b"datagram %02d " % i + rng.randbytes(rng.randint(0, 1400)) for i in range(30)]
    with DatagramPeer() as peer:
        for datagram in burst:  # all of them before reading any reply
            peer.send_to(datagram, server.address)
        got = peer.receive_all(len(burst), timeouts.io)
    # UDP may reorder; loopback does not, but the requirement is about boundaries only.
    if sorted(d.data for d in got) == sorted(burst) and all(d.peer == server.address for d in got):
        return
    server.ensure_alive("while echoing a burst of datagrams")
    raise Mismatch(
        expected=f"{len(burst)} datagrams back from {server.host}:{server.port.number}, each "
        "identical to one sent",
        actual=_burst_difference(burst, got, server.address),
        transcript=peer.transcript,
        hint=_burst_hint(burst, got, server.address),
    )


def _burst_hint(burst: list[bytes], got: list, address: tuple[str, int]) -> str:
    if any(d.peer != address for d in got):
        return HINT_SAME_SOCKET
    if b"".join(d.data for d in got) == b"".join(burst):
        return HINT_BOUNDARIES  # the same bytes, other boundaries
    returned = [d.data for d in got]
    missing = next((b for b in burst if b not in returned), b"")
    wrong = next((r for r in returned if r not in burst), None)
    return hint_for(missing, wrong) if wrong is not None else HINT_BOUNDARIES


def _burst_difference(burst: list[bytes], got: list, address: tuple[str, int]) -> str:
    """The first thing wrong with a burst's echo, in one phrase."""
    stranger = next((d for d in got if d.peer != address), None)
    if stranger is not None:
        return (
            f"{len(got)} datagrams; they came from {stranger.peer[0]}:{stranger.peer[1]}, "
            "not from the address the burst was sent to"
        )
    if b"".join(d.data for d in got) == b"".join(burst):
        return (
            f"{len(got)} datagrams holding the same bytes as the {len(burst)} sent, with "
            "other boundaries"
        )
    returned = [d.data for d in got]
    missing = next((b for b in burst if b not in returned), None)
    where = (
        f"datagram {burst.index(missing)} ({len(missing)} bytes, {preview(missing[:16])}…) "
        "did not come back"
        if missing is not None
        else "extra datagrams came back"
    )
    wrong = next((r for r in returned if r not in burst), None)
    instead = f"; instead came {len(wrong)} bytes: {preview(wrong)}" if wrong is not None else ""
    return f"{len(got)} datagrams; {where}{instead}"


@requirement(
    "udp.echo/uncrossed",
    MUST,
    "The server MUST keep replies to several clients uncrossed: each client gets its "
    "own datagrams back.",
    seed=SEED,
)
def test_uncrossed(server, timeouts):
    peers = [DatagramPeer(f"client {i}") for i in range(10)]
    try:
        sent = {i: [b"client %d datagram %d" % (i, n) for n in range(3)] for i in range(10)}
        for n in range(3):
            for i, peer in enumerate(peers):
                peer.send_to(sent[i][n], server.address)
        for i, peer in enumerate(peers):
            got = peer.receive_all(3, timeouts.io)
            if sorted(d.data for d in got) == sorted(sent[i]):
                continue
            server.ensure_alive("while echoing to 10 clients")
            foreign = any(d.data.split(b" ")[1] != b"%d" % i for d in got if b" " in d.data)
            raise Mismatch(
                expected=f"client {i} to get its own 3 datagrams back",
                actual=f"{len(got)} datagram(s): {[d.data for d in got]!r:.300}",
                transcript=peer.transcript,
                hint="send each reply to the address that recvfrom() returned with that "
                "datagram; keep no state between datagrams"
                if foreign or not got
                else _burst_hint(sent[i], got, server.address),
            )
    finally:
        for peer in peers:
            peer.close()
