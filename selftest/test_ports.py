"""Port allocation: exclusive across processes, never an ephemeral or busy port."""

from __future__ import annotations

import multiprocessing
import socket

import pytest

from fixtures.internal.ports import PortAllocator, _ephemeral_range, default_range, port_is_free


def _hold_ports(worker: str, workers: int, count: int, out, barrier) -> None:
    allocator = PortAllocator(worker=worker, workers=workers)
    held = [allocator.allocate() for _ in range(count)]
    out.put([p.number for p in held])
    barrier.wait(30)  # hold every port until all processes have allocated theirs


@pytest.mark.parametrize("workers", [2, 8])
def test_concurrent_processes_never_share_a_port(workers):
    ctx = multiprocessing.get_context("fork")
    out, barrier = ctx.Queue(), ctx.Barrier(workers * 2)
    # Two processes per worker id: as if two independent runs were on the machine.
    procs = [
        ctx.Process(target=_hold_ports, args=(f"gw{i % workers}", workers, 25, out, barrier))
        for i in range(workers * 2)
    ]
    for p in procs:
        p.start()
    numbers = [n for _ in procs for n in out.get(timeout=30)]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert len(numbers) == len(set(numbers)) == workers * 2 * 25


def test_busy_ports_are_skipped(tmp_path):
    low, _ = default_range()
    busy = socket.socket()
    try:
        for start in range(low, low + 1000):  # find a free port to occupy, and the next
            if port_is_free(start) and port_is_free(start + 1):
                busy.bind(("127.0.0.1", start))
                busy.listen()
                break
        allocator = PortAllocator(low=start, high=start + 2, lock_dir=tmp_path)
        port = allocator.allocate()
        assert port.number == start + 1
    finally:
        busy.close()


def test_exhausted_range_is_a_clear_error(tmp_path):
    low, _ = default_range()
    allocator = PortAllocator(low=low, high=low + 1, lock_dir=tmp_path)
    held = allocator.allocate() if port_is_free(low) else None
    with pytest.raises(RuntimeError, match="no free port"):
        allocator.allocate()
    if held:
        held.release()
        assert allocator.allocate().number == low  # released ports come back


def test_default_range_avoids_ephemeral_ports():
    low, high = default_range()
    eph_lo, eph_hi = _ephemeral_range()
    assert high <= eph_lo or low > eph_hi
    assert high - low >= 1000


@pytest.mark.parametrize(
    ("ephemeral", "expected"),
    [
        ((32768, 60999), (15000, 32768)),  # Linux's default: below the ephemeral range
        ((10000, 40000), (40001, 65536)),  # little room below: above it
        ((1024, 65535), (15000, 65536)),  # containers: everything is ephemeral
    ],
)
def test_default_range_for_any_ephemeral_range(ephemeral, expected, tmp_path):
    assert default_range(ephemeral) == expected
    low, high = expected
    allocator = PortAllocator(low, high, lock_dir=tmp_path)
    port = allocator.allocate()
    assert low <= port.number < high
    port.release()
