"""Measure what the harness costs.  Not a test: run it by hand and read the numbers.

    python bench/benchmark.py              # everything, 3 suite runs each
    python bench/benchmark.py --runs 5 --skip-suites

Reports, as medians:
  * bare interpreter start-up with the server's imports (``python -c "import socketserver"``);
  * one server start-up to readiness through the harness (runner + netlink sock_diag), TCP
    and UDP;
  * one client call in a child process (python form and command form), the per-case cost of
    every client role;
  * stopping a server that ignores SIGTERM (SIGTERM, grace, SIGKILL of the group);
  * generating the TLS certificate catalogue (the session CA and every certificate), and one
    TLS handshake of the suite's peers over loopback;
  * the local httpbin: start (first start with the httpbin/Flask import, then warm) and stop
    with an idle keep-alive connection open;
  * one http.client call in a child against it: urllib (stdlib) and requests, beside the same
    request made in-process, so the difference is the per-case cost of the child;
  * one wsgi.app call in a child under wsgiref.validate, and one run of a CGI script
    (Python and Perl), the per-case cost of those roles;
  * wall time of the UDP, TLS, HTTP, wsgi.app, wsgi.server, cgi.script, xmlrpc.server,
    mpc.echo and net.lookup suites and of all suites (every role) against
    reference_impls/stdlib, -n 0 / -n 2; and of the wsgi.server suite against
    each real WSGI server in alternatives/ (--skip-servers to leave them out).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fixtures import timeouts  # noqa: E402
from fixtures.clients import ClientUnderTest  # noqa: E402
from fixtures.internal.ports import PortAllocator  # noqa: E402
from fixtures.manifest import load  # noqa: E402
from fixtures.servers import start_server  # noqa: E402


def median_ms(samples: list[float]) -> str:
    return (
        f"{statistics.median(samples) * 1000:7.1f} ms (n={len(samples)}, "
        f"min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f})"
    )


def bare_startup(n: int) -> list[float]:
    out = []
    for _ in range(n):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import socketserver"], check=True)
        out.append(time.perf_counter() - started)
    return out


def server_startup(n: int, work: Path, role: str = "tcp.echo") -> list[float]:
    impl = load(ROOT / "reference_impls" / "stdlib")
    allocator, t = PortAllocator(), timeouts.current()
    out = []
    for i in range(n):
        port = allocator.allocate()
        started = time.perf_counter()
        server = start_server(impl, role, port=port, workroot=work / f"s{role}{i}", timeouts=t)
        out.append(time.perf_counter() - started)
        server.stop(t)
        port.release()
    return out


def client_call(n: int, work: Path, reference: str) -> list[float]:
    """Wall time of one udp.client call against a silent-free UDP echo of our own."""
    import socket
    import threading

    impl = load(ROOT / "reference_impls" / reference)
    client = ClientUnderTest(impl, "udp.client", work / f"c-{reference}", timeouts.current())
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as echo:
        echo.bind(("127.0.0.1", 0))
        echo.settimeout(5)

        def serve() -> None:
            for _ in range(n):
                data, address = echo.recvfrom(65535)
                echo.sendto(data, address)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        out = []
        for _ in range(n):
            started = time.perf_counter()
            outcome = client.call(
                10,
                host="127.0.0.1",
                port=echo.getsockname()[1],
                payload=b"ping",
                timeout=2.0,
                retries=1,
            )
            out.append(time.perf_counter() - started)
            assert outcome.value == b"ping", outcome.describe()
        thread.join(5)
    return out


def httpbin_start_stop(n: int, work: Path) -> tuple[list[float], list[float]]:
    """Seconds to start the local httpbin (the first sample pays the httpbin import) and to
    stop it with an idle keep-alive connection open."""
    import http.client

    from fixtures.certs import Certificates
    from fixtures.httpbin import LocalHttpbin

    (work / "httpbin-ca").mkdir()
    certificates = Certificates(work / "httpbin-ca")
    cert = certificates.server("localhost")
    starts, stops = [], []
    for _ in range(n):
        started = time.perf_counter()
        local = LocalHttpbin(cert).start()
        starts.append(time.perf_counter() - started)
        conn = http.client.HTTPConnection("127.0.0.1", local.port(), timeout=5)
        conn.request("GET", "/get")
        conn.getresponse().read()
        started = time.perf_counter()
        local.stop()
        stops.append(time.perf_counter() - started)
        conn.close()
    return starts, stops


def http_client_call(n: int, work: Path, reference: str) -> tuple[list[float], list[float]]:
    """One http.client call (PUT with form data) in a child, and the same call in-process."""
    import importlib

    from fixtures.certs import Certificates
    from fixtures.httpbin import LocalHttpbin

    impl = load(ROOT / "reference_impls" / reference)
    client = ClientUnderTest(impl, "http.client", work / f"h-{reference}", timeouts.current())
    (work / f"ca-{reference}").mkdir()
    certificates = Certificates(work / f"ca-{reference}")
    child, inline = [], []
    with LocalHttpbin(certificates.server("localhost")) as local:
        url = local.url("/put")
        for _ in range(n):
            started = time.perf_counter()
            outcome = client.call(10, method="PUT", url=url, data={"a": "b"}, timeout=5.0)
            child.append(time.perf_counter() - started)
            assert outcome.returned, outcome.describe()
        sys.path.insert(0, str(impl.directory))
        try:
            module = importlib.import_module("http_client")
            for _ in range(n):
                started = time.perf_counter()
                module.request("PUT", url, data={"a": "b"}, timeout=5.0)
                inline.append(time.perf_counter() - started)
        finally:
            sys.path.remove(str(impl.directory))
            sys.modules.pop("http_client", None)
    return child, inline


def stubborn_stop(n: int, work: Path) -> list[float]:
    impl_dir = work / "stubborn"
    impl_dir.mkdir()
    (impl_dir / "impl.toml").write_text('[roles."tcp.echo"]\npython = "srv:serve"\n')
    (impl_dir / "srv.py").write_text(
        textwrap.dedent("""
        import signal, socket, time
        def serve(host, port):
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            s = socket.socket()
            s.bind((host, port))
            s.listen()
            while True:
                time.sleep(1)
    """)
    )
    impl = load(impl_dir)
    allocator, t = PortAllocator(), timeouts.current()
    out = []
    for i in range(n):
        port = allocator.allocate()
        server = start_server(impl, "tcp.echo", port=port, workroot=work / f"t{i}", timeouts=t)
        out.append(server.stop(t).seconds)
        port.release()
    return out


def certificate_catalogue(n: int) -> tuple[list[float], list[float]]:
    """Seconds to generate the whole catalogue in a fresh directory, and to make one TLS
    connection (TCP connect + handshake) between the suite's own peers."""
    from fixtures.certs import CLIENT_CERTS, SERVER_CERTS, Certificates
    from fixtures.peers import ScriptedServer, Stream
    from fixtures.tls import TlsClient, TlsServer

    generation, handshakes = [], []
    for _ in range(n):
        with tempfile.TemporaryDirectory() as tmp:
            certs = Certificates(Path(tmp))
            for name in SERVER_CERTS:
                certs.server(name)
            for name in CLIENT_CERTS:
                certs.client(name)
            generation.append(certs.generation_seconds)
            tls = TlsServer(certs.server("localhost"))
            with ScriptedServer(lambda s, srv: None, accept_timeout=3, tls=tls) as server:
                started = time.perf_counter()
                with Stream.connect(server.address, 3, tls=TlsClient(certs.cafile)):
                    handshakes.append(time.perf_counter() - started)
    return generation, handshakes


def wsgi_app_call(n: int, work: Path) -> list[float]:
    from fixtures.wsgiapp import AppRequest, AppUnderTest

    impl = load(ROOT / "reference_impls" / "stdlib")
    app = AppUnderTest(impl, "wsgi.app", work, timeouts.BASE)
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        call = app.call(AppRequest("GET", "/jalape%C3%B1o"), timeouts.BASE.io)
        samples.append(time.perf_counter() - started)
        assert call.body.endswith("jalapeño".encode()), call.transcript()
    return samples


def cgi_run(n: int, work: Path, reference: str) -> list[float]:
    from fixtures.cgigateway import CgiDriver, CgiRequest
    from fixtures.roles import ROLES

    impl = load(ROOT / "reference_impls" / reference)
    driver = CgiDriver(ROLES["cgi.script"])
    request = CgiRequest("POST", "/x", "a=1", b"b=2", "application/x-www-form-urlencoded")
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        run = driver.run(impl, work, timeouts.BASE, request, kill_after=timeouts.BASE.io)
        samples.append(time.perf_counter() - started)
        assert run.exit_code == 0 and b'"b"' in run.stdout, run.describe()
    return samples


def suite_run(workers: int, path: str = "suites", impl: str = "reference_impls/stdlib") -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            path,
            "-q",
            "-p",
            "no:cacheprovider",
            "--impl",
            impl,
            "-n",
            str(workers),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="suite runs per worker count")
    parser.add_argument("--samples", type=int, default=20, help="start-ups to time")
    parser.add_argument("--skip-suites", action="store_true")
    parser.add_argument("--skip-servers", action="store_true", help="no real WSGI servers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bare = bare_startup(args.samples)
        start = server_startup(args.samples, work)
        print(f"bare interpreter + socketserver import : {median_ms(bare)}")
        print(
            f"server start-up to readiness (TCP)    : {median_ms(start)}  "
            f"({statistics.median(start) / statistics.median(bare):.2f}x bare)"
        )
        udp = server_startup(args.samples, work, "udp.echo")
        print(f"server start-up to readiness (UDP)    : {median_ms(udp)}")
        for reference, form in (("stdlib", "python"), ("command", "command")):
            calls = client_call(args.samples, work, reference)
            print(f"client call in a child ({form:7})      : {median_ms(calls)}")
        starts, stops = httpbin_start_stop(max(3, args.samples // 4), work)
        print(f"local httpbin start, first (import)    : {starts[0] * 1000:7.1f} ms")
        print(f"local httpbin start, warm              : {median_ms(starts[1:])}")
        print(f"local httpbin stop (keep-alive open)   : {median_ms(stops)}")
        for reference in ("stdlib", "requests"):
            child, inline = http_client_call(args.samples, work, reference)
            print(f"http.client call, {reference:8} in a child : {median_ms(child)}")
            print(f"http.client call, {reference:8} in-process : {median_ms(inline)}")
        stop = stubborn_stop(max(3, args.samples // 4), work)
        print(f"stop of a server ignoring SIGTERM      : {median_ms(stop)}")
        app_calls = wsgi_app_call(args.samples, work)
        print(f"wsgi.app call in a child (validated)  : {median_ms(app_calls)}")
        for reference, language in (("stdlib", "Python"), ("command", "Perl")):
            runs = cgi_run(args.samples, work, reference)
            print(f"cgi.script run ({language:6})              : {median_ms(runs)}")
        generation, handshakes = certificate_catalogue(max(3, args.samples // 4))
        print(f"TLS catalogue (CA + 11 certificates)   : {median_ms(generation)}")
        print(f"TLS connect + handshake (suite peers)  : {median_ms(handshakes)}")
    if not args.skip_suites:
        for label, path in (
            ("UDP suites", "suites/udp"),
            ("TLS suites", "suites/tls"),
            ("HTTP suites", "suites/http"),
            ("wsgi.app", "suites/wsgi/test_app.py"),
            ("wsgi.server", "suites/wsgi/test_server.py"),
            ("cgi.script", "suites/cgi"),
            ("xmlrpc.server", "suites/rpc/test_xmlrpc.py"),
            ("mpc.echo", "suites/rpc/test_mpc.py"),
            ("net.lookup", "suites/lookup"),
            ("all suites", "suites"),
        ):
            serial = [suite_run(0, path) for _ in range(args.runs)]
            parallel = [suite_run(2, path) for _ in range(args.runs)]
            s, p = statistics.median(serial), statistics.median(parallel)
            print(f"{label} vs stdlib, -n 0            : {s:7.2f} s (median of {args.runs})")
            print(
                f"{label} vs stdlib, -n 2            : {p:7.2f} s (median of {args.runs}); "
                f"speed-up {s / p:.2f}x"
            )
    if not args.skip_servers:
        for server in ("waitress", "gunicorn", "cheroot", "werkzeug"):
            path = "suites/wsgi/test_server.py"
            serial = [suite_run(0, path, f"alternatives/{server}") for _ in range(args.runs)]
            parallel = [suite_run(2, path, f"alternatives/{server}") for _ in range(args.runs)]
            print(
                f"wsgi.server vs {server:9}, -n 0 / -n 2 : {statistics.median(serial):7.2f} s / "
                f"{statistics.median(parallel):7.2f} s (medians of {args.runs})"
            )


if __name__ == "__main__":
    main()
