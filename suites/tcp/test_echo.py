"""tcp.echo: a stream echo server, ``serve(host, port)``.

Both seed echo servers are correct: the BaseRequestHandler one that echoes each recv() and
the StreamRequestHandler one that echoes line by line.  So no case requires bytes back before
a newline or EOF: payloads end with a newline, or the client half-closes.
"""

from __future__ import annotations

import random

import pytest

from fixtures.asserts import (
    HINT_CONCURRENCY,
    HINT_PARTIAL_READS,
    assert_closed_within,
    assert_echoed,
    assert_still_serving,
    assert_survived,
    baseline_fds,
    connect,
    measure_activity,
    read_all,
    wait_until,
)
from fixtures.errors import HarnessError, ImplementationError, Mismatch
from fixtures.requirements import MUST, SHOULD, requirement
from fixtures.schedules import BULK_SCHEDULES, ONE_BYTE, RANDOM_SPLITS, STREAM_SCHEDULES, TRICKLE

SEED_TCP = "000 'TCP Server', 'Partial Reads/Writes'; 004 'Using TCP' (EchoHandler)"
ALL_BYTES = bytes(range(256)) + b"\n"
MIB = 1024 * 1024
HINT_PARTIAL_WRITES = (
    "send() may write only part of its buffer (always so on a non-blocking "
    "socket): use sendall(), or loop on send()'s return value and keep the "
    "rest for later; keep reading while you write"
)


def bulk_payload(size: int, seed: int) -> bytes:
    """Seeded random bytes (every byte value, newlines included) ending in a newline."""
    return random.Random(seed).randbytes(size - 1) + b"\n"


@requirement(
    "tcp.echo/all-byte-values",
    MUST,
    "The server MUST echo every byte exactly, all 256 byte values, and keep serving afterwards.",
    seed=SEED_TCP,
)
@pytest.mark.parametrize("schedule", STREAM_SCHEDULES, ids=str)
def test_all_byte_values(server, schedule, timeouts, case_seed):
    with connect(server, timeouts.connect) as stream:
        outcome = stream.exchange(
            ALL_BYTES, len(ALL_BYTES), timeout=timeouts.io, schedule=schedule, seed=case_seed
        )
        assert_echoed(
            ALL_BYTES,
            outcome,
            stream,
            server=server,
            hint_short=HINT_PARTIAL_READS + "; and no byte value is special: 0x00, 0x04 "
            "(Ctrl-D), 0x0a and 0xff are echoed like any other",
        )
    assert_still_serving(server, timeouts.io, after="echoing all 256 byte values")


@requirement(
    "tcp.echo/partial-reads",
    MUST,
    "The server MUST echo input that arrives in many small segments with pauses "
    "between them (partial reads).",
    seed="000 'Partial Reads/Writes', 'Data Reassembly'",
)
@pytest.mark.parametrize("schedule", [ONE_BYTE, RANDOM_SPLITS, TRICKLE], ids=str)
def test_partial_reads(server, schedule, timeouts, case_seed):
    payload = b"".join(b"line %d arrives in pieces\n" % i for i in range(3))
    with connect(server, timeouts.connect) as stream:
        outcome = stream.exchange(
            payload, len(payload), timeout=timeouts.io, schedule=schedule, seed=case_seed
        )
        assert_echoed(payload, outcome, stream, server=server)


@requirement(
    "tcp.echo/large-payload",
    MUST,
    "The server MUST echo a payload much larger than the socket buffers (8 MiB), "
    "even when the client sends all of it before reading any (partial writes: "
    "sendall, not send).",
    seed="000 'Partial Reads/Writes', 'Sending All Data'",
)
@pytest.mark.parametrize("schedule", BULK_SCHEDULES, ids=str)
def test_large_payload(server, schedule, timeouts, case_seed):
    payload = bulk_payload(8 * MIB, case_seed)
    # The client writes everything before it reads anything, through a small window: the
    # echo backs up in the server's send buffer (4 MiB at most), so its send() calls come
    # back short for certain (and sendall() has to wait), however fast the machine is.
    with connect(server, timeouts.connect, rcvbuf=16 * 1024) as stream:
        outcome = stream.exchange(
            payload,
            len(payload),
            timeout=timeouts.bulk,
            schedule=schedule,
            seed=case_seed,
            write_first=True,
            stall=timeouts.io,
        )
        assert_echoed(payload, outcome, stream, server=server, hint_short=HINT_PARTIAL_WRITES)


def one_long_line(size: int, seed: int) -> bytes:
    """Seeded random bytes with no newline but the last one: a single line of ``size``."""
    body = random.Random(seed).randbytes(size - 1).replace(b"\n", b" ")
    return body + b"\n"


@requirement(
    "tcp.echo/long-line",
    MUST,
    "The server MUST echo a single line far longer than any buffer (1 MiB, its only "
    "newline at the end): line-oriented servers may not impose a line-length limit.",
    seed="000 'Partial Reads/Writes', 'Data Reassembly'; 004 'Using TCP' (StreamRequestHandler)",
)
@pytest.mark.parametrize("schedule", BULK_SCHEDULES, ids=str)
def test_long_line(server, schedule, timeouts, case_seed):
    line = one_long_line(MIB, case_seed)
    with connect(server, timeouts.connect) as stream:
        outcome = stream.exchange(
            line,
            len(line),
            timeout=timeouts.bulk,
            schedule=schedule,
            seed=case_seed,
            stall=timeouts.io,
        )
        assert_echoed(
            line,
            outcome,
            stream,
            server=server,
            hint_short="read lines without a length limit: a line may be longer "
            "than any buffer (asyncio's StreamReader.readline() stops at "
            "64 KiB unless start_server(limit=...) is raised; "
            "rfile.readline() has no limit by default)",
        )


@requirement(
    "tcp.echo/eof-close",
    MUST,
    "After the client half-closes (EOF), the server MUST send what remains and close within 2 s.",
    seed="000 'End of Data'; 004 'Using TCP'",
)
@pytest.mark.parametrize("schedule", STREAM_SCHEDULES, ids=str)
def test_eof_close(server, schedule, timeouts, case_seed):
    payload = b"no newline at the end of this"
    hint = (
        "when recv() returns b'' the client has finished sending: write back what you still "
        "hold (a partial line too), then close() the connection; with fork, the parent must "
        "close its copy of the socket as well"
    )
    with connect(server, timeouts.connect) as stream:
        stream.send(payload, timeout=timeouts.io, schedule=schedule, seed=case_seed)
        stream.half_close()
        outcome = assert_closed_within(
            stream,
            timeouts.eof_close,
            server=server,
            hint=hint,
            expected=f"all {len(payload)} bytes (no trailing newline) and then EOF within "
            f"{timeouts.eof_close:.1f} s of the client's half-close",
        )
        assert_echoed(payload, outcome, stream, server=server, hint_short=hint)


@requirement(
    "tcp.echo/second-client",
    MUST,
    "The server MUST serve a second client while a first stays connected and idle.",
    seed="000 'Sockets and Concurrency', 'Threaded Server'; 004 'Using TCP' (ThreadingTCPServer)",
)
@pytest.mark.parametrize("schedule", STREAM_SCHEDULES, ids=str)
def test_second_client(server, schedule, timeouts, case_seed):
    message = b"the second client speaks while the first is idle\n"
    with connect(server, timeouts.connect) as idle:
        idle.transcript.note("stays connected and sends nothing")
        with connect(server, timeouts.connect, doing="while another client is idle") as second:
            outcome = second.exchange(
                message, len(message), timeout=timeouts.io, schedule=schedule, seed=case_seed
            )
            assert_echoed(message, outcome, second, server=server, hint_short=HINT_CONCURRENCY)


@requirement(
    "tcp.echo/concurrent-clients",
    MUST,
    "The server MUST serve 50 concurrent clients with correct, uncrossed data.",
    seed="000 'Sockets and Concurrency'; 004 'Using TCP' (ThreadingTCPServer)",
)
@pytest.mark.parametrize("schedule", [STREAM_SCHEDULES[0], RANDOM_SPLITS], ids=str)
def test_concurrent_clients(server, schedule, timeouts, case_seed):
    streams = []
    try:
        for i in range(50):
            streams.append(connect(server, timeouts.crowd_connect, doing=f"(client {i + 1} of 50)"))
        messages = [b"client %02d of 50 sends %s\n" % (i, b"x" * (i + 1)) for i in range(50)]
        for i, (stream, message) in enumerate(zip(streams, messages, strict=True)):
            stream.send(message, timeout=timeouts.io, schedule=schedule, seed=case_seed + i)
        # Every client has sent; now each reads its echo, all of them still connected.
        received = read_all(streams, [len(m) for m in messages], timeouts.io)
        wrong = [i for i, (r, m) in enumerate(zip(received, messages, strict=True)) if r != m]
        if wrong:
            server.ensure_alive("while serving 50 clients")
            i = wrong[0]
            crossed = next(
                (
                    j
                    for j, m in enumerate(messages)
                    # A prefix long enough to tell the messages apart ("client 07 of").
                    if j != i and len(received[i]) >= 12 and m.startswith(received[i][:12])
                ),
                None,
            )
            detail = (
                f"client {i} received client {crossed}'s data"
                if crossed is not None
                else f"client {i} received {received[i]!r}"
            )
            raise Mismatch(
                expected="each of 50 concurrently connected clients to get its own line back",
                actual=f"{len(wrong)} of 50 clients got a wrong or missing echo; first: {detail}",
                transcript=streams[i].transcript,
                hint=HINT_CONCURRENCY + "; keep per-client state per client (no shared "
                "buffers or globals between connections)",
            )
    finally:
        for stream in streams:
            stream.close()


@requirement(
    "tcp.echo/survive-reset",
    MUST,
    "The server MUST survive a client that resets the connection mid-stream, and keep serving.",
    seed="000 'Sockets and Concurrency'",
)
def test_survive_reset(server, timeouts):
    before = baseline_fds(server)
    with connect(server, timeouts.connect) as stream:
        stream.send_without_reading(b"r" * (256 * 1024) + b"\n", timeout=timeouts.stall_pause)
        stream.reset()
    # Once the server has dealt with the reset (closed the socket, or died of it).
    assert_survived(server, before, after="a client reset its connection mid-stream")
    with connect(server, timeouts.connect) as stream:
        stream.send(b"reset in the middle of a line", timeout=timeouts.io)
        stream.reset()
    assert_survived(server, before, after="clients reset their connections")
    assert_still_serving(server, timeouts.io, after="clients reset their connections")


@requirement(
    "tcp.echo/no-descriptor-leak",
    MUST,
    "The server MUST close every finished connection: no descriptor leak after 200 "
    "short connections.",
    seed="000 'TCP Server' (conn.close()), 'Forking server'",
)
def test_no_descriptor_leak(server, timeouts):
    before = server.fd_count()
    message = b"short\n"
    for i in range(200):
        with connect(server, timeouts.connect, doing=f"(connection {i + 1} of 200)") as stream:
            outcome = stream.exchange(message, len(message), timeout=timeouts.io)
            assert_echoed(message, outcome, stream, server=server)
    counts = [before]
    wait_until(
        lambda: counts.append(server.fd_count()) or counts[-1] <= before + 10, timeouts.fd_settle
    )
    after = counts[-1]
    if after > before + 10:
        raise Mismatch(
            expected=f"about {before} open descriptors in the server's processes after 200 "
            "finished connections (as many as before them)",
            actual=f"{after} open descriptors ({after - before} more)",
            hint="close() every accepted socket when its client is done (a with-block or "
            "finally:); don't keep finished connections in a list; with fork, the "
            "parent must close its copy right after fork()",
        )


@requirement(
    "tcp.echo/no-busy-wait",
    MUST,
    "The server MUST NOT busy-wait: idle CPU near zero.",
    seed="000 'TCP Server' (accept() blocks: the server sleeps if nothing is happening)",
)
def test_no_busy_wait(server, timeouts):
    with connect(server, timeouts.connect) as closed:
        closed.half_close()
        closed.recv_to_eof(timeout=timeouts.eof_close)
    with connect(server, timeouts.connect) as idle:
        idle.transcript.note("stays connected and sends nothing")
        activity = measure_activity(server, timeouts.cpu_window)
    if activity.busy():
        raise Mismatch(
            expected=f"a server that sleeps while idle (one idle client connected, one that "
            f"has closed): under {0.2 * timeouts.cpu_window:.2f} s of CPU and runnable "
            f"under {0.8 * timeouts.cpu_window:.2f} s in {timeouts.cpu_window:.1f} s",
            actual=activity.describe(),
            hint="block in accept(), recv() or select() (with no timeout, or a long one); "
            "never loop on non-blocking calls, and stop watching a socket once recv() "
            "returned b''",
        )


@requirement(
    "tcp.echo/reuse-address",
    MUST,
    "The server MUST restart on the same port at once after being stopped while "
    "connections sit in TIME_WAIT (SO_REUSEADDR).",
    seed="000 'Socket Options'",
)
def test_reuse_address(fresh_server, timeouts):
    first = fresh_server()
    port = first.port
    with connect(first, timeouts.connect) as stream:
        outcome = stream.exchange(b"hi\n", 3, timeout=timeouts.io)
        assert_echoed(b"hi\n", outcome, stream, server=first)
        first.stop(timeouts)  # with the connection open: the server's side closes first...
        stream.recv_to_eof(timeout=timeouts.eof_close)
    # ...so its end of the connection now sits in TIME_WAIT on the server's port.
    if not first.time_wait_on_port():
        raise HarnessError("no TIME_WAIT socket on the server's port: the case proves nothing")
    try:
        second = fresh_server(port=port)
    except ImplementationError as exc:
        raise Mismatch(
            expected=f"the server to start again at once on port {port.number} while its "
            "last connection sits in TIME_WAIT",
            actual=exc.summary,
            extra=f"its output (last lines):\n{exc.output_tail}",
            hint="set SO_REUSEADDR on the listening socket before bind() "
            "(socketserver: allow_reuse_address = True)",
        ) from None
    assert_still_serving(second, timeouts.io, after="restarting on the same port")


def _reported_error(stderr: str) -> bool:
    return "Traceback" in stderr or "Error" in stderr


@requirement(
    "tcp.echo/connect-then-close",
    SHOULD,
    "The server SHOULD accept a connect-then-close client without error.",
    seed="000 'End of Data'",
)
def test_connect_then_close(fresh_server, timeouts):
    # A server of its own: a shared one may still be logging another case's resets.
    server = fresh_server()
    mark = server.output_mark()
    for _ in range(3):
        with connect(server, timeouts.connect) as stream:
            stream.half_close()  # the server sees EOF before any data, as with close()
            stream.transcript.note("closed without sending anything")
            # Its close tells that the server's handler is done with this client.
            stream.recv_to_eof(timeout=timeouts.eof_close)
    assert_still_serving(server, timeouts.io, after="clients connected and closed at once")
    # A handler's traceback may be printed just after its socket closed.
    wait_until(lambda: _reported_error(server.stderr_since(mark)), timeouts.output_settle)
    errors = server.stderr_since(mark)
    if _reported_error(errors):
        raise Mismatch(
            expected="no error for a client that connects and closes without sending",
            actual="the server reported an error on stderr",
            extra="its stderr since those clients:\n" + errors[-2000:],
            hint="recv() returning b'' on the first call is a normal end of a connection, "
            "not an error: check for it before using the data",
        )
