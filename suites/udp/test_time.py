"""udp.time: the seed's ``UDPServer`` TimeHandler, ``serve(host, port)``.

For every datagram, whatever it holds: reply with ``time.ctime()`` encoded as ASCII, from the
server's address to the sender's address.
"""

from __future__ import annotations

import random
import time

from fixtures.asserts import assert_datagram_from
from fixtures.errors import Mismatch
from fixtures.peers import MAX_DATAGRAM, DatagramPeer
from fixtures.requirements import MUST, requirement

SEED = "004 'Using UDP' (TimeHandler); 000 'SocketServer Example'"
HINT_REPLY = (
    "take the datagram and the sender's address from recvfrom() (socketserver: "
    "msg, sock = self.request), then sock.sendto(time.ctime().encode('ascii'), "
    "address) on the same socket"
)


HINT_FORMAT = (
    "reply with exactly time.ctime().encode('ascii'): the local time in ctime's format (day "
    "padded with a space), no newline, no other text"
)


def ctime_near(reply: bytes, now: float, skew: float) -> bool:
    """Whether ``reply`` is exactly time.ctime(t) for a whole second t within ``skew``."""
    return any(
        reply == time.ctime(t).encode("ascii")
        for t in range(int(now - skew) - 1, int(now + skew) + 2)
    )


def ask(server, peer, payload: bytes, timeouts) -> bytes:
    """Send one datagram; the reply must come from the server's own address."""
    peer.send_to(payload, server.address)
    got = assert_datagram_from(
        peer.receive(timeouts.io),
        server,
        peer.transcript,
        expected=f"a reply to the {len(payload)}-byte datagram, from "
        f"{server.host}:{server.port.number} (the address it was sent to)",
        hint=HINT_REPLY
        if payload
        else "reply to every datagram, the empty one too: recvfrom() returning b'' is an "
        "empty datagram, not the end of a stream",
    )
    return got.data


@requirement(
    "udp.time/reply-ctime",
    MUST,
    "The server MUST reply to each datagram, to the sender's address, with "
    "time.ctime() as ASCII, within 2 s of the suite's clock.",
    seed=SEED,
)
def test_reply_ctime(server, timeouts):
    with DatagramPeer() as peer:
        for i in range(3):
            reply = ask(server, peer, b"what time is it? (%d)" % i, timeouts)
            now = time.time()
            if ctime_near(reply, now, timeouts.clock_skew):
                continue
            raise Mismatch(
                expected=f"time.ctime() as ASCII, such as {time.ctime(now).encode()!r}, within "
                f"{timeouts.clock_skew:g} s of the suite's clock",
                actual=f"{reply!r}",
                transcript=peer.transcript,
                hint=HINT_FORMAT,
            )


@requirement(
    "udp.time/empty-datagram", MUST, "The server MUST reply to an empty datagram.", seed=SEED
)
def test_empty_datagram(server, timeouts):
    with DatagramPeer() as peer:
        reply = ask(server, peer, b"", timeouts)
    if not ctime_near(reply, time.time(), timeouts.clock_skew):
        raise Mismatch(
            expected="time.ctime() as ASCII in reply to an empty datagram",
            actual=repr(reply),
            transcript=peer.transcript,
            hint=HINT_FORMAT,
        )


@requirement(
    "udp.time/several-clients",
    MUST,
    "The server MUST keep replies to several clients uncrossed: each client gets "
    "one reply per datagram, at its own address.",
    seed=SEED,
)
def test_several_clients(server, timeouts):
    peers = [DatagramPeer(f"client {i}") for i in range(10)]
    try:
        for _ in range(3):
            for peer in peers:
                peer.send_to(b"time please", server.address)
        for i, peer in enumerate(peers):
            # A reply that went to the wrong client leaves another one short.
            got = peer.receive_all(3, timeouts.io)
            stranger = [d for d in got if d.peer != server.address]
            wrong = [d for d in got if not ctime_near(d.data, time.time(), timeouts.clock_skew)]
            if len(got) == 3 and not wrong and not stranger:
                continue
            server.ensure_alive("while serving 10 clients")
            raise Mismatch(
                expected="each of 10 clients to get exactly 3 replies (one per datagram it "
                "sent), from the server's address",
                actual=f"client {i} got {len(got)} datagram(s)"
                + (
                    f"; one from {stranger[0].peer[0]}:{stranger[0].peer[1]}, not the server"
                    if stranger
                    else f"; {len(wrong)} not time.ctime(): {wrong[0].data!r}"
                    if wrong
                    else ""
                ),
                transcript=peer.transcript,
                hint=HINT_FORMAT if wrong and not stranger else HINT_REPLY,
            )
    finally:
        for peer in peers:
            peer.close()


def _still_answers(server, timeouts, *, after: str) -> None:
    """After ``after``, an ordinary query must still get its reply."""
    with DatagramPeer() as peer:
        peer.send_to(b"still there?", server.address)
        got = peer.receive(timeouts.io)
        if got is not None and got.peer == server.address:
            return
        if server.exited(timeouts.death_settle):
            error = server.death(f"the server died after {after}")
            raise Mismatch(
                expected=f"the server to keep running after {after}",
                actual=error.summary,
                extra=f"server output (last lines):\n{error.output_tail}",
                hint="handle every datagram inside a try block: a bad one must "
                "not end the loop; read with recvfrom(65535) or more",
            )
        raise Mismatch(
            expected=f"a reply to an ordinary datagram after {after}",
            actual="no reply" if got is None else f"a reply from {got.peer}",
            transcript=peer.transcript,
            hint="keep serving after any datagram: a bad one must not stop the loop",
        )


@requirement(
    "udp.time/survive-large-datagram",
    MUST,
    "The server MUST keep serving after a 65,507-byte datagram.",
    seed=SEED,
)
def test_survive_large_datagram(server, timeouts, case_seed):
    with DatagramPeer() as peer:
        peer.send_to(random.Random(case_seed).randbytes(MAX_DATAGRAM), server.address)
        peer.receive(timeouts.death_settle)  # a reply is welcome, not required here
    _still_answers(server, timeouts, after="a 65,507-byte datagram")


@requirement(
    "udp.time/survive-garbage",
    MUST,
    "The server MUST keep serving after garbage (bytes that are no text in any encoding).",
    seed=SEED,
)
def test_survive_garbage(server, timeouts, case_seed):
    with DatagramPeer() as peer:
        for size in (1, 7, 1000):
            peer.send_to(
                b"\xff\xfe\x00" + random.Random(case_seed + size).randbytes(size), server.address
            )
        peer.receive_all(3, timeouts.death_settle)
    _still_answers(server, timeouts, after="datagrams of garbage")
