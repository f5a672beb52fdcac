"""Process supervision: children that fork, ignore SIGTERM, never bind, crash, flood their
output or hang are all stopped in bounded time, with nothing left running, and explained."""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

import pytest

from fixtures.clients import ClientUnderTest
from fixtures.errors import EnvironmentLimit, ImplementationError
from fixtures.internal import procnet
from fixtures.internal.ports import PortAllocator
from fixtures.internal.supervise import child_env, spawn, sweep_orphans, wait_ready
from fixtures.manifest import load
from fixtures.servers import start_server
from fixtures.timeouts import BASE
from selftest.conftest import ROOT

TIMEOUTS = BASE.scaled(1.0)
REFERENCES = ROOT / "reference_impls"


@pytest.fixture(scope="module")
def ports():
    return PortAllocator()


def gone(pid: int) -> bool:
    st = procnet.stat(pid)
    return st is None or st.state == "Z"


def run_script(tmp_path: Path, code: str, *args: str):
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(code))
    return spawn(
        [sys.executable, str(script), *args],
        cwd=tmp_path,
        env=child_env(),
        workdir=tmp_path / "out",
        label="selftest child",
    )


FORKS_AND_IGNORES_TERM = """
    import os, signal, socket, sys, time
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    pids = open(sys.argv[2], "w")
    if os.fork() == 0:
        while True:
            time.sleep(1)
    s = socket.socket()
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen()
    print(os.getpid(), file=pids, flush=True)
    while True:
        time.sleep(1)
"""


def test_forking_child_ignoring_sigterm_is_killed_with_its_group(tmp_path, ports):
    port = ports.allocate()
    child = run_script(tmp_path, FORKS_AND_IGNORES_TERM, str(port.number), str(tmp_path / "pids"))
    try:
        wait_ready(child, port.number, TIMEOUTS.startup)
        family = [p.pid for p in child.family()]
        assert len(family) == 2, "the child and its fork"
    finally:
        result = child.stop(TIMEOUTS.stop_grace, TIMEOUTS.stop_kill)
        port.release()
    assert result.how == "SIGKILL"
    assert result.seconds < TIMEOUTS.stop_grace + 1.0
    assert all(gone(pid) for pid in family)


DAEMONIZES = """
    import os, sys, time
    if os.fork() == 0:
        os.setsid()               # leaves the process group
        if os.fork() == 0:
            open(sys.argv[1], "w").write(str(os.getpid()))
            while True:
                time.sleep(1)
        os._exit(0)               # the daemon is orphaned
    while True:
        time.sleep(1)
"""


def test_double_forked_daemon_is_found_and_reaped(tmp_path):
    pidfile = tmp_path / "daemon.pid"
    child = run_script(tmp_path, DAEMONIZES, str(pidfile))
    deadline = time.monotonic() + 5
    while not pidfile.exists() or not pidfile.read_text():
        assert time.monotonic() < deadline, "the daemon never started"
        time.sleep(0.01)
    daemon = int(pidfile.read_text())
    child.stop(TIMEOUTS.stop_grace, TIMEOUTS.stop_kill)
    # It left the group and its parent: only the subreaper sweep can find it.
    if not gone(daemon):
        assert daemon in sweep_orphans()
    assert gone(daemon)


def test_child_that_never_binds_times_out_quoting_stderr(tmp_path, ports):
    port = ports.allocate()
    child = run_script(
        tmp_path,
        """
        import sys, time
        print("loading the configuration...", file=sys.stderr, flush=True)
        time.sleep(60)
    """,
    )
    started = time.monotonic()
    with pytest.raises(ImplementationError) as info:
        wait_ready(child, port.number, 0.5)
    assert time.monotonic() - started < 1.5
    assert f"did not listen on port {port.number} within 0.5 s" in info.value.summary
    assert "loading the configuration..." in info.value.output_tail
    child.stop(TIMEOUTS.stop_grace, TIMEOUTS.stop_kill)
    port.release()


def test_child_on_the_wrong_port_is_told_where_it_listens(tmp_path, ports):
    port, wrong = ports.allocate(), ports.allocate()
    child = run_script(
        tmp_path,
        """
        import socket, sys, time
        s = socket.socket()
        s.bind(("127.0.0.1", int(sys.argv[1])))
        s.listen()
        time.sleep(60)
    """,
        str(wrong.number),
    )
    with pytest.raises(ImplementationError) as info:
        wait_ready(child, port.number, 1.0)
    assert f"listens on 127.0.0.1:{wrong.number} instead" in info.value.detail
    child.stop(TIMEOUTS.stop_grace, TIMEOUTS.stop_kill)
    port.release()
    wrong.release()


def test_child_exiting_at_once_is_reported_with_status(tmp_path, ports):
    port = ports.allocate()
    child = run_script(
        tmp_path,
        """
        import sys
        sys.exit("no configuration file")
    """,
    )
    with pytest.raises(ImplementationError) as info:
        wait_ready(child, port.number, TIMEOUTS.startup)
    assert "exited before listening: the process exited with status 1" in info.value.summary
    assert "no configuration file" in info.value.output_tail
    port.release()


FRAGILE = """
    import socket, sys
    s = socket.socket()
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen()
    conn, _ = s.accept()
    conn.recv(1)[0]          # IndexError on a client that sends nothing
"""


def test_without_a_kernel_view_a_probe_is_used_and_a_fragile_server_named(
    tmp_path, ports, monkeypatch
):
    monkeypatch.setattr(procnet, "kernel_view", lambda: False)
    port = ports.allocate()
    child = run_script(tmp_path, FRAGILE, str(port.number))
    with pytest.raises(ImplementationError) as info:
        wait_ready(child, port.number, TIMEOUTS.startup)
    port.release()
    assert "died right after the readiness probe" in info.value.summary
    assert "IndexError" in info.value.output_tail


# -- through the runner, as the suites start implementations -----------------------------
def impl_with(tmp_path: Path, module: str, role: str = "tcp.echo", target: str = "srv:serve"):
    (tmp_path / "srv.py").write_text(textwrap.dedent(module))
    (tmp_path / "impl.toml").write_text(f'[roles."{role}"]\npython = "{target}"\n')
    return load(tmp_path)


@pytest.mark.parametrize(
    ("module", "words"),
    [
        (
            "1 / 0\ndef serve(host, port): pass\n",
            "importing 'srv' failed: ZeroDivisionError: division by zero",
        ),
        (
            "def serve(port):\n    pass\n",
            "calling srv:serve(host, port) failed: serve() takes 1 positional argument but 2 were "
            "given",
        ),
        (
            "def serve(host, port):\n    return None\n",
            "srv:serve returned; a server must run until stopped",
        ),
        (
            "def serve(host, port):\n    raise RuntimeError('no database')\n",
            "srv:serve raised RuntimeError: no database",
        ),
        ("import sys\ndef serve(host, port):\n    sys.exit(0)\n", "srv:serve raised SystemExit"),
        (
            "import os\ndef serve(host, port):\n    os._exit(4)\n",
            "the process exited with status 4",
        ),
    ],
    ids=["crash-at-import", "wrong-signature", "returns", "raises", "sys-exit", "os-exit"],
)
def test_server_start_failures_are_explained(tmp_path, ports, module, words):
    impl = impl_with(tmp_path, module)
    port = ports.allocate()
    started = time.monotonic()
    with pytest.raises(ImplementationError) as info:
        start_server(impl, "tcp.echo", port=port, workroot=tmp_path / "w", timeouts=TIMEOUTS)
    port.release()
    assert time.monotonic() - started < 2.0, "a failure at start must not wait out the limit"
    assert words in info.value.summary
    assert info.value.summary.startswith(f"{impl.name}'s tcp.echo server did not start")


def test_server_flooding_its_output_is_served_and_its_tail_bounded(tmp_path, ports):
    impl = impl_with(
        tmp_path,
        """
        import socketserver, sys
        class H(socketserver.BaseRequestHandler):
            def handle(self):
                pass
        def serve(host, port):
            for _ in range(20000):
                print("x" * 500)
                print("e" * 500, file=sys.stderr)
            socketserver.TCPServer((host, port), H).serve_forever()
    """,
    )
    port = ports.allocate()
    server = start_server(impl, "tcp.echo", port=port, workroot=tmp_path / "w", timeouts=TIMEOUTS)
    try:
        assert server.child.stderr_path.stat().st_size >= 10_000_000
        assert len(server.child.stderr_tail()) <= 3100
    finally:
        server.stop(TIMEOUTS)
        port.release()


def test_output_beyond_the_limit_kills_the_child_with_a_reason(tmp_path, monkeypatch):
    import fixtures.internal.supervise as supervise

    monkeypatch.setattr(supervise, "OUTPUT_LIMIT", 1024 * 1024)
    child = run_script(
        tmp_path,
        """
        import sys
        while True:
            sys.stdout.write("y" * 65536)
    """,
    )
    child.popen.wait(timeout=10)
    assert "more than 1 MiB of output" in child.exit_reason()


def test_hung_client_is_stopped_and_reported(tmp_path):
    impl = impl_with(
        tmp_path,
        """
        import threading, time
        def fetch(host, port, request, timeout):
            threading.Thread(target=time.sleep, args=(60,)).start()  # non-daemon
            time.sleep(60)
    """,
        role="tcp.client",
        target="srv:fetch",
    )
    client = ClientUnderTest(impl, "tcp.client", tmp_path / "w", TIMEOUTS)
    started = time.monotonic()
    outcome = client.call(1.0, host="127.0.0.1", port=9, request=b"x", timeout=0.5)
    assert outcome.hung
    assert time.monotonic() - started < 1.0 + TIMEOUTS.stop_grace + 1.0


def test_client_returning_leaves_no_threads_keeping_it_alive(tmp_path):
    impl = impl_with(
        tmp_path,
        """
        import threading, time
        def fetch(host, port, request, timeout):
            threading.Thread(target=time.sleep, args=(60,)).start()  # non-daemon
            return b"done"
    """,
        role="tcp.client",
        target="srv:fetch",
    )
    client = ClientUnderTest(impl, "tcp.client", tmp_path / "w", TIMEOUTS)
    started = time.monotonic()
    outcome = client.call(10.0, host="127.0.0.1", port=9, request=b"x", timeout=0.5)
    assert outcome.returned and outcome.value == b"done"
    assert time.monotonic() - started < 2.0


def test_client_results_are_data_never_objects(tmp_path):
    impl = impl_with(
        tmp_path,
        """
        class Evil:
            def __reduce__(self):
                return (print, ("unpickled!",))
        def fetch(host, port, request, timeout):
            return [Evil(), b"\\x00\\xff", ("t", 1), {"k": None}]
    """,
        role="tcp.client",
        target="srv:fetch",
    )
    client = ClientUnderTest(impl, "tcp.client", tmp_path / "w", TIMEOUTS)
    outcome = client.call(10.0, host="127.0.0.1", port=9, request=b"x", timeout=0.5)
    evil, raw, pair, mapping = outcome.value
    assert type(evil).__name__ == "Unrepresentable" and "Evil" in repr(evil)
    assert (raw, pair, mapping) == (b"\x00\xff", ("t", 1), {"k": None})


def test_client_wrong_signature_is_an_implementation_error(tmp_path):
    impl = impl_with(
        tmp_path, "def fetch(host, port):\n    return b''\n", role="tcp.client", target="srv:fetch"
    )
    client = ClientUnderTest(impl, "tcp.client", tmp_path / "w", TIMEOUTS)
    with pytest.raises(ImplementationError, match=r"fetch\(host, port, request, timeout\)"):
        client.call(10.0, host="127.0.0.1", port=9, request=b"x", timeout=0.5)


def test_runner_dies_with_its_parent(tmp_path):
    """PR_SET_PDEATHSIG: a harness killed with SIGKILL leaves no server behind."""
    impl_with(tmp_path, "import time\ndef serve(host, port):\n    time.sleep(60)\n")
    script = tmp_path / "harness.py"
    script.write_text(
        textwrap.dedent(f"""
        import sys, os
        sys.path.insert(0, {str(Path(__file__).parent.parent)!r})
        from fixtures.manifest import load
        from fixtures.drivers import driver_for
        from fixtures.internal.supervise import spawn, child_env
        from pathlib import Path
        impl = load({str(tmp_path)!r})
        work = Path({str(tmp_path / "h")!r})
        work.mkdir()
        argv = driver_for("tcp.echo").argv(impl, 1, work, {{}})
        child = spawn(argv, cwd=impl.directory, env=child_env(), workdir=work, label="x")
        print(child.pid, flush=True)
        import time; time.sleep(60)
    """)
    )
    import subprocess

    harness = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        line = harness.stdout.readline()
        server_pid = int(line)
    finally:
        harness.kill()
        harness.wait(timeout=5)
        harness.stdout.close()
    deadline = time.monotonic() + 5
    while not gone(server_pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gone(server_pid)


@pytest.fixture
def no_proc(monkeypatch):
    """/proc unreadable, as in a hardened container."""
    monkeypatch.setattr(procnet, "PROC", Path("/nonexistent-proc"))


@pytest.fixture
def no_kernel_view(monkeypatch):
    """Neither netlink nor /proc/net: readiness must be probed."""
    monkeypatch.setattr(procnet, "_kernel_view", False)


@pytest.mark.parametrize("role", ["tcp.echo", "udp.echo"])
def test_servers_start_and_stop_without_proc(no_proc, ports, tmp_path, role):
    port = ports.allocate()
    impl = load(REFERENCES / "stdlib")
    server = start_server(impl, role, port=port, workroot=tmp_path, timeouts=TIMEOUTS)
    try:
        assert server.alive()
        with pytest.raises(procnet.ProcUnavailable, match="cannot be read"):
            server.fd_count()
        with pytest.raises(EnvironmentLimit):
            server.thread_count()
        assert any("cannot be read" in limit for limit in procnet.environment_limits())
    finally:
        result = server.stop(TIMEOUTS)
        port.release()
    assert result.how == "SIGTERM" and not server.alive()


@pytest.mark.parametrize("role", ["tcp.echo", "udp.time"])
def test_readiness_without_kernel_tables(no_kernel_view, ports, tmp_path, role):
    port = ports.allocate()
    impl = load(REFERENCES / "stdlib")
    server = start_server(impl, role, port=port, workroot=tmp_path, timeouts=TIMEOUTS)
    try:
        assert server.alive() and server.start_seconds < TIMEOUTS.startup
    finally:
        server.stop(TIMEOUTS)
        port.release()


def test_udp_readiness_sends_no_datagram(ports, tmp_path, make_impl):
    """A UDP server is ready when the kernel shows its bound socket: nothing is sent to it."""
    impl = make_impl(
        '[roles."udp.echo"]\npython = "srv:serve"\n',
        {
            "srv.py": """
        import socket, sys
        def serve(host, port):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind((host, port))
            data, addr = s.recvfrom(65535)  # any datagram at all ends it
            sys.exit("received a datagram before any case ran: " + repr(data))
    """
        },
    )
    port = ports.allocate()
    server = start_server(load(impl), "udp.echo", port=port, workroot=tmp_path, timeouts=TIMEOUTS)
    try:
        time.sleep(0.2)  # long enough for a probe datagram to have ended it
        assert server.alive(), server.output_tail()
    finally:
        server.stop(TIMEOUTS)
        port.release()


def test_a_case_that_needs_proc_is_an_environment_error(suites, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    result = suites(
        "suites/tcp/test_echo.py",
        "-p",
        "selftest.no_proc",
        "-k",
        "no_descriptor_leak or all_byte_values",
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*error:    this machine cannot run this check: process states "
            "(/nonexistent-proc/<pid>/stat) cannot be read here",
            "*an error of the environment, not of the implementation*",
            "*tcp.echo * FAILS * 4 pass, 1 error",
            "environment: process states (/nonexistent-proc/<pid>/stat) cannot be read*",
        ]
    )


def test_output_tail_shows_stdout_too(tmp_path):
    child = run_script(
        tmp_path,
        """
        import sys
        print("Error: port busy")          # a program that reports errors on stdout
        print("warning on stderr", file=sys.stderr)
        sys.exit(2)
    """,
    )
    child.popen.wait(timeout=TIMEOUTS.io)
    tail = child.exit_error("it exited").output_tail
    assert "warning on stderr" in tail and "--- stdout (last lines) ---\nError: port busy" in tail


def test_pool_close_stops_every_server_even_when_one_fails(ports, tmp_path, monkeypatch):
    from fixtures.errors import HarnessError
    from fixtures.servers import RunningServer, ServerPool

    pool = ServerPool(ports, tmp_path, TIMEOUTS)
    impl = load(REFERENCES / "stdlib")
    first = pool.acquire(impl, "tcp.echo", "case-1")
    second = pool.acquire(impl, "udp.echo", "case-2")
    real_stop = RunningServer.stop

    def stop(self, timeouts):
        real_stop(self, timeouts)
        if self is first:
            raise HarnessError("could not stop the first server")

    monkeypatch.setattr(RunningServer, "stop", stop)
    with pytest.raises(HarnessError, match="first server"):
        pool.close()
    assert not first.alive() and not second.alive()
