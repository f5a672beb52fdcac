"""Reports are renderings of one record per case: the JSON report follows its schema, its
values are JSON (not Python reprs), and every outcome is told by the record, not by pytest's
message text."""

from __future__ import annotations

import json

import jsonschema
import pytest

from selftest.conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text())

GREETS_WRONG = {
    "srv.py": """
    import socketserver
    class H(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.sendall(b"hi " + str(self.client_address).encode())
    class S(socketserver.ThreadingTCPServer):
        allow_reuse_address = True
        daemon_threads = True
    def serve(host, port):
        S((host, port), H).serve_forever()
"""
}


@pytest.fixture
def run_report(suites, make_impl, tmp_path):
    def run(*args: str) -> tuple[object, dict]:
        path = tmp_path / "report.json"
        result = suites(*args, "--report-json", str(path), "-p", "no:randomly")
        return result, json.loads(path.read_text())

    return run


def test_every_outcome_in_one_schema_valid_report(run_report, make_impl):
    impl = make_impl(
        """
        [roles."tcp.greeting"]
        python = "srv:serve"
        [expect]
        "tcp.greeting/greet-then-close" = "says hi differently"
        "tcp.greeting/no-wait-for-data" = "stale: it does not wait"
    """,
        GREETS_WRONG,
    )
    result, data = run_report(
        "suites/tcp/test_greeting.py",
        "suites/udp/test_time.py",
        "--impl",
        str(impl),
        "--strict-should",
    )
    jsonschema.validate(data, SCHEMA)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    settings = data["header"]["settings"]
    assert settings["strict_should"] is True and settings["roles"] == []
    assert settings["timeout_multiplier"] == 1.0 and settings["sources"]["impl"] == "--impl"
    assert data["header"]["exit_status"] == 1
    cases = {c["case"]: c for c in data["cases"]}
    assert cases["tcp.greeting/greet-then-close"]["outcome"] == "expected-failure"
    assert cases["tcp.greeting/greet-then-close"]["failure_kind"] == "mismatch"
    assert cases["tcp.greeting/greet-then-close"]["expectation"] == "says hi differently"
    xpass = cases["tcp.greeting/no-wait-for-data"]
    assert (xpass["outcome"], xpass["failure_kind"]) == ("unexpected-pass", "unexpected-pass")
    failed = cases["tcp.greeting/consecutive-clients"]
    assert failed["outcome"] == "failed" and failed["expected"] and failed["actual"]
    assert failed["transcript"][0]["kind"] == "note"
    not_impl = cases["udp.time/reply-ctime"]
    assert not_impl["outcome"] == "not-implemented"
    assert not_impl["message"].startswith("not implemented: impl's impl.toml has no")
    assert cases["tcp.greeting/idle-client"]["outcome"] == "passed"
    assert data["restarts"] == []
    assert data["summary"]["impl"]["tcp.greeting"]["verdict"] == "FAILS"
    assert data["summary"]["impl"]["udp.time"] == {
        "verdict": "NOT IMPLEMENTED",
        "counts": {"not-implemented": 5},
    }
    seed = cases["tcp.greeting/greet-then-close"]["seed"]
    assert seed == [{"document": "000", "sections": [{"title": "TCP Server", "note": None}]}]


def test_junit_properties_come_from_the_record(suites, make_impl, tmp_path):
    impl = make_impl('[roles."tcp.greeting"]\npython = "srv:serve"\n', GREETS_WRONG)
    xml = tmp_path / "junit.xml"
    suites(
        "suites/tcp/test_greeting.py",
        "--impl",
        str(impl),
        "--junitxml",
        str(xml),
        "-k",
        "greet_then_close",
    )
    text = xml.read_text()
    for prop in (
        'name="requirement" value="tcp.greeting/greet-then-close"',
        'name="outcome" value="failed"',
        'name="failure_kind" value="mismatch"',
    ):
        assert prop in text
