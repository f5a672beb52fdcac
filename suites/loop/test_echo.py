"""loop.echo: an event-driven echo server, ``serve(host, port)``.

roles.md: "every tcp.echo MUST, plus" one thread for 500 connections and no stall behind a
client that never reads.  The tcp.echo MUST cases run here again as loop.echo/<slug>.
"""

from __future__ import annotations

from fixtures.asserts import HINT_CONCURRENCY, assert_echoed, connect, read_all
from fixtures.peers import Outcome
from fixtures.requirements import MUST, inherit, inherits_as, requirement
from fixtures.verdict import Mismatch
from suites.tcp import test_echo as tcp_echo

pytestmark = inherits_as("loop.echo")
globals().update(inherit(tcp_echo))

SEED_LOOP = "000 'Asynchronous Server'; 004 'Event Driven I/O'"


@requirement("loop.echo/one-thread", MUST,
             "The server MUST serve 500 concurrent connections from one thread, with no child "
             "process.", seed=SEED_LOOP)
def test_one_thread(server, timeouts):
    streams = []
    try:
        for i in range(500):
            streams.append(connect(server, timeouts.connect, doing=f"(client {i + 1} of 500)"))
        messages = [b"%03d\n" % i for i in range(500)]
        for stream, message in zip(streams, messages, strict=True):
            stream.send(message, timeout=timeouts.io)
        received = read_all(streams, [len(m) for m in messages], timeouts.io * 2)
        processes = server.processes()
        wrong = [i for i, (r, m) in enumerate(zip(received, messages, strict=True)) if r != m]
        if wrong:
            server.ensure_alive("while 500 clients were connected")
            first = wrong[0]
            assert_echoed(messages[first], Outcome(data=received[first]), streams[first],
                          server=server, hint_short=HINT_CONCURRENCY)
    finally:
        for stream in streams:
            stream.close()
    threads = sum(p.threads for p in processes)
    if len(processes) != 1 or threads != 1:
        raise Mismatch(
            expected="one process with one thread serving all 500 connections",
            actual=f"{len(processes)} process(es) with {threads} thread(s) in all",
            hint="multiplex every socket in one select()/selectors/asyncio loop; no "
                 "threading, no fork, no multiprocessing")


@requirement("loop.echo/never-reading-client", MUST,
             "The server MUST keep serving others while one client sends 16 MiB and never "
             "reads.", seed=SEED_LOOP + "; 000 'Non-blocking Sockets'")
def test_never_reading_client(server, timeouts):
    flood = b"f" * (16 * 1024 * 1024)
    with connect(server, timeouts.connect, rcvbuf=65536) as hog:
        pushed = hog.send_without_reading(flood, timeout=timeouts.stall_pause * 2)
        hog.transcript.note(f"pushed {pushed.sent} bytes and never reads")
        message = b"is anyone else served?\n"
        with connect(server, timeouts.connect, doing="while a client floods it") as other:
            outcome = other.exchange(message, len(message), timeout=timeouts.io)
            assert_echoed(message, outcome, other, server=server,
                          hint_short="never block the loop on one client: with a client that "
                                     "does not read, sendall() blocks everything; buffer its "
                                     "output and write only when select() says the socket is "
                                     "writable (and stop reading it while its buffer is full)")
        hog.reset()
