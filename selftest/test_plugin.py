"""The plugin as a user meets it: options, manifests, verdicts, exit statuses and messages.

Each case runs the real suites in a child pytest (pytester) against a small implementation
written for the case.
"""

from __future__ import annotations

import json
import time

import pytest

ECHO = {
    "srv.py": """
    import socketserver
    class H(socketserver.StreamRequestHandler):
        def handle(self):
            for line in self.rfile:
                self.wfile.write(line)
    class S(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True
    def serve(host, port):
        S((host, port), H).serve_forever()
"""
}


@pytest.mark.parametrize(
    "manifest",
    [
        'name = "x"\n[roles."tcp.echo"\n',
        '[roles."tcp.echo"]\npython = "srv:serve"\ncommand = ["x"]\n',
    ],
)
def test_bad_manifest_stops_the_run_before_any_test(suites, make_impl, manifest):
    impl = make_impl(manifest, ECHO)
    result = suites("suites/tcp", "--impl", str(impl))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*bad implementation manifest: {impl / 'impl.toml'}: *"])
    assert "passed" not in result.stdout.str() and "Traceback" not in result.stderr.str()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--role", "tcp.ecko"],
            "Invalid roles 'tcp.ecko' from --role: unknown role; did you mean 'tcp.echo'?",
        ),
        (
            ["--timeout-multiplier", "fast"],
            "Invalid timeout multiplier 'fast' from --timeout-multiplier: *",
        ),
        (
            ["-o", "timeout_multiplier=-2"],
            "Invalid timeout multiplier '-2' from ini "
            "timeout_multiplier: must be a positive number",
        ),
        (["--impl", "no/such/dir"], "*no/such/dir: implementation directory does not exist"),
    ],
)
def test_bad_options_name_their_source(suites, args, message):
    result = suites("suites/tcp", *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])


def test_options_and_ini_twins_show_in_the_header(suites):
    result = suites(
        "suites/tcp/test_greeting.py",
        "-o",
        "timeout_multiplier=2",
        "--schedule-seed",
        "7",
        "--role",
        "tcp.greeting",
    )
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            "implementation: stdlib (reference_impls/stdlib; roles: *)  [[]default: *]",
            "roles: tcp.greeting (--role); timeout multiplier: 2 (ini timeout_multiplier); "
            "schedule seed: 7 (--schedule-seed); strict SHOULD: off (default); report json: *",
        ]
    )


def test_missing_roles_are_not_implemented_and_a_run_with_no_test_fails(suites, make_impl):
    impl = make_impl('[roles."udp.time"]\npython = "srv:serve"\n', ECHO)
    result = suites("suites/tcp", "--impl", str(impl))
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result.stdout.fnmatch_lines(
        [
            "*tcp.client * NOT IMPLEMENTED * not-impl",
            "*tcp.echo * NOT IMPLEMENTED * not-impl",
            "*udp.time * (declared; not in this run)",
            "no test ran: every selected case was skipped or not implemented (exit status 5)",
            "* not implemented in *",
        ]
    )


def test_expectations_turn_failures_into_expected_ones_and_passes_into_errors(suites, make_impl):
    impl = make_impl(
        """
        [roles."tcp.greeting"]
        python = "srv:serve"
        [expect]
        "tcp.greeting/greet-then-close" = "this server says hi differently"
        "tcp.greeting/no-wait-for-data" = "stale entry: it does not wait"
    """,
        {
            "srv.py": """
        import socketserver
        class H(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.sendall(b"hi " + str(self.client_address).encode())
        class S(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
        def serve(host, port):
            S((host, port), H).serve_forever()
    """
        },
    )
    result = suites("suites/tcp/test_greeting.py", "--impl", str(impl), "-rxX")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    out = result.stdout.str()
    assert "XFAIL" in out and "[expect] this server says hi differently" in out
    assert (
        "tcp.greeting/no-wait-for-data passed, but impl's [expect] lists it: stale entry: "
        "it does not wait" in out
    )
    result.stdout.fnmatch_lines(["*tcp.greeting * FAILS * 1 xfail, 1 XPASS*"])


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_unknown_expect_case_is_a_manifest_error(suites, make_impl, workers):
    impl = make_impl(
        '[roles."tcp.echo"]\npython = "srv:serve"\n[expect]\n"tcp.echo/large-paylod" = "typo"\n',
        ECHO,
    )
    result = suites("suites/tcp/test_echo.py", "--impl", str(impl), *workers)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    output = result.stdout.lines + result.stderr.lines
    pytest.LineMatcher(output).fnmatch_lines(
        [
            '*expect."tcp.echo/large-paylod": no such requirement or case in the tcp.echo suite; '
            "did you mean 'tcp.echo/large-payload*"
        ]
    )
    assert " passed" not in result.stdout.str()


def test_should_failures_warn_unless_strict(suites, make_impl):
    impl = make_impl(
        '[roles."tcp.echo"]\npython = "srv:serve"\n',
        {
            "srv.py": ECHO["srv.py"].replace(
                "for line in self.rfile:",
                "if not self.rfile.peek(1): raise ValueError('Error: empty')\n"
                "            for line in self.rfile:",
            )
        },
    )
    args = ("suites/tcp/test_echo.py", "--impl", str(impl), "-k", "connect_then_close")
    lenient = suites(*args)
    assert lenient.ret == 0
    lenient.stdout.fnmatch_lines(
        ["*SHOULD-level failures*", "*tcp.echo/connect-then-close [[]SHOULD]*", "*1 SHOULD failed*"]
    )
    strict = suites(*args, "--strict-should")
    assert strict.ret == pytest.ExitCode.TESTS_FAILED


def test_crash_at_import_is_one_clear_error_per_role_without_waiting(suites, make_impl):
    impl = make_impl(
        '[roles."tcp.echo"]\npython = "srv:serve"\n',
        {"srv.py": "import no_such_dependency\ndef serve(host, port): pass\n"},
    )
    started = time.monotonic()
    result = suites("suites/tcp/test_echo.py", "--impl", str(impl))
    assert time.monotonic() - started < 30
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    out = result.stdout.str()
    cases = out.count("\ntcp.echo/")  # each case's failure starts with its id
    # Once per case (twice where the short summary repeats it in full, as under CI=true).
    assert (
        out.count(
            "error:    impl's tcp.echo server did not start: it exited before "
            "listening: importing 'srv' failed: ModuleNotFoundError: No module named "
            "'no_such_dependency'"
        )
        >= cases
        > 20
    )
    result.stdout.fnmatch_lines([f"*tcp.echo * FAILS * {cases} error"])
    assert "fixtures/servers.py" not in out, "no harness traceback for an implementation error"


def test_an_expected_case_that_cannot_run_is_an_error_not_its_expected_failure(
    suites, make_impl, tmp_path
):
    """pytest's xfail covers setup and teardown too: a server that does not start must not
    pass as the failure [expect] lists."""
    impl = make_impl(
        '[roles."tcp.greeting"]\npython = "srv:serve"\n[expect]\n'
        '"tcp.greeting/greet-then-close" = "says hi differently"\n',
        {"srv.py": "import no_such_dependency\ndef serve(host, port): pass\n"},
    )
    report = tmp_path / "report.json"
    result = suites(
        "suites/tcp/test_greeting.py", "--impl", str(impl), "--report-json", str(report)
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "XFAIL" not in result.stdout.str()
    cases = {c["case"]: c for c in json.loads(report.read_text())["cases"]}
    assert cases["tcp.greeting/greet-then-close"]["outcome"] == "error"


def test_server_death_is_reported_on_the_case_and_the_server_restarted(suites, make_impl, tmp_path):
    impl = make_impl(
        '[roles."tcp.echo"]\npython = "srv:serve"\n',
        {
            "srv.py": """
        import os, socketserver
        class H(socketserver.BaseRequestHandler):
            def handle(self):
                while data := self.request.recv(65536):
                    if b"\\xff" in data:
                        os._exit(3)  # a crash on one particular byte
                    self.request.sendall(data)
        class S(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True
        def serve(host, port):
            S((host, port), H).serve_forever()
    """
        },
    )
    report = tmp_path / "report.json"
    result = suites(
        "suites/tcp/test_echo.py",
        "--impl",
        str(impl),
        "-k",
        "all_byte_values or partial_reads",
        "-p",
        "no:randomly",
        "--report-json",
        str(report),
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*error:    the server died while echoing: the process exited with status 3*",
            "*tcp.echo * FAILS * 3 pass, 4 fail",
            "*server restart in tcp.echo/*: the tcp.echo server had stopped (the process exited "
            "with status 3) after case tcp.echo/all-byte-values*; restarted it for this case",
        ]
    )
    restarts = json.loads(report.read_text())["restarts"]
    assert restarts and restarts[0]["case"].startswith("tcp.echo/")
    assert "restarted it for this case" in restarts[0]["note"]


def test_side_by_side_summary(suites):
    result = suites(
        "suites/tcp/test_greeting.py",
        "--impl",
        "reference_impls/stdlib",
        "--impl",
        "reference_impls/command",
    )
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        [
            "command:",
            "*tcp.greeting * CONFORMS * 4 pass",
            "stdlib:",
            "*tcp.greeting * CONFORMS * 4 pass",
        ]
    )


def test_duplicate_implementation_names_are_refused(suites, make_impl):
    impl = make_impl('name = "stdlib"\n[roles."tcp.echo"]\npython = "srv:serve"\n', ECHO)
    result = suites("suites/tcp", "--impl", "reference_impls/stdlib", "--impl", str(impl))
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*two implementations are both named 'stdlib'*"])
