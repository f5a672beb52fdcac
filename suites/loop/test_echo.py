"""loop.echo: an event-driven echo server, ``serve(host, port)``.

roles.md: "every tcp.echo MUST, plus" one thread for 500 connections and no stall behind a
client that never reads.  The tcp.echo MUST cases run here again as loop.echo/<slug>.
"""

from __future__ import annotations

from fixtures.asserts import HINT_CONCURRENCY, assert_echoed, connect, read_all
from fixtures.errors import Mismatch
from fixtures.peers import Outcome
from fixtures.requirements import MUST, inherit, inherits_as, requirement
from suites.tcp import test_echo as tcp_echo

pytestmark = inherits_as("loop.echo")
globals().update(inherit(tcp_echo))

SEED_LOOP = "000 'Asynchronous Server'; 004 'Event Driven I/O'"


# A thread or process per connection adds 500; a runtime's own helper threads (Node.js keeps
# 4-7, a JVM more) and a fixed worker pool stay far below this.
GROWTH_ALLOWED = 50


@requirement(
    "loop.echo/no-thread-per-connection",
    MUST,
    "The server MUST serve 500 concurrent connections from one event loop: no "
    "thread and no process per connection (the thread and process counts do not "
    "grow with the connections; a runtime's own helper threads are not the "
    "program's).",
    seed=SEED_LOOP,
)
def test_no_thread_per_connection(server, timeouts):
    streams = []
    try:
        streams.append(connect(server, timeouts.connect))
        exchange = streams[0].exchange(b"000\n", 4, timeout=timeouts.io)
        assert_echoed(b"000\n", exchange, streams[0], server=server)
        # With one client served: the program's own threads and processes are all there.
        threads_before, processes_before = server.thread_count(), server.process_count()
        for i in range(1, 500):
            streams.append(
                connect(server, timeouts.crowd_connect, doing=f"(client {i + 1} of 500)")
            )
        messages = [b"%03d\n" % i for i in range(500)]
        for stream, message in zip(streams[1:], messages[1:], strict=True):
            stream.send(message, timeout=timeouts.io)
        received = read_all(streams[1:], [len(m) for m in messages[1:]], timeouts.io * 2)
        threads, processes = server.thread_count(), server.process_count()
        wrong = [i for i, (r, m) in enumerate(zip(received, messages[1:], strict=True)) if r != m]
        if wrong:
            server.ensure_alive("while 500 clients were connected")
            first = wrong[0] + 1
            assert_echoed(
                messages[first],
                Outcome(data=received[first - 1]),
                streams[first],
                server=server,
                hint_short=HINT_CONCURRENCY,
            )
    finally:
        for stream in streams:
            stream.close()
    if threads - threads_before >= GROWTH_ALLOWED or processes - processes_before >= GROWTH_ALLOWED:
        raise Mismatch(
            expected=f"about as many threads and processes with 500 clients connected as with "
            f"one ({threads_before} threads in {processes_before} process(es)); "
            f"growth under {GROWTH_ALLOWED}",
            actual=f"{threads} threads in {processes} process(es) with 500 clients connected",
            hint="multiplex every socket in one select()/selectors/asyncio loop; no thread, "
            "fork or multiprocessing per client",
        )


@requirement(
    "loop.echo/never-reading-client",
    MUST,
    "The server MUST keep serving others while one client sends 16 MiB and never reads.",
    seed=SEED_LOOP + "; 000 'Non-blocking Sockets'",
)
def test_never_reading_client(server, timeouts):
    flood = b"f" * (16 * 1024 * 1024)
    with connect(server, timeouts.connect, rcvbuf=65536) as hog:
        pushed = hog.send_without_reading(flood, timeout=timeouts.stall_pause * 2)
        hog.transcript.note(f"pushed {pushed.sent} bytes and never reads")
        message = b"is anyone else served?\n"
        with connect(server, timeouts.connect, doing="while a client floods it") as other:
            outcome = other.exchange(message, len(message), timeout=timeouts.io)
            assert_echoed(
                message,
                outcome,
                other,
                server=server,
                hint_short="never block the loop on one client: with a client that "
                "does not read, sendall() blocks everything; buffer its "
                "output and write only when select() says the socket is "
                "writable (and stop reading it while its buffer is full)",
            )
        hog.reset()
