"""Tests of the tests.

One run of the suites (under xdist, as CI runs them) against every reference implementation,
every known-bad implementation and every real third-party alternative side by side, then:

* every reference implementation passes every case of every role it claims (but a SHOULD
  its platform cannot meet, listed with the reason);
* every known-bad implementation fails exactly the cases its ``[expect]`` lists, each for a
  behavioural reason (a mismatch or a crash, never "could not start"), and passes the rest;
* every alternative (socat, netcat, Node.js, gevent, Twisted, trio, openssl, httpx, urllib3,
  aiohttp, nginx, lighttpd, busybox, waitress, gunicorn, cheroot, Werkzeug, wsgiref, Flask,
  Bottle, aiohttp-xmlrpc, django-modern-rpc, multiprocess, billiard) passes every case but
  the real deviations its ``[expect]`` lists, which it fails for a behavioural reason;
* every requirement of the suites is failed by at least one known-bad implementation.
"""

from __future__ import annotations

import pytest

from fixtures.manifest import Implementation, load
from selftest.conftest import ALTERNATIVES, KNOWN_BAD, REFERENCE_IMPLS, SuiteRun, run_suites

BEHAVIOURAL = ("mismatch", "crash")


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> SuiteRun:
    report = tmp_path_factory.mktemp("corpus") / "report.json"
    # Six workers on two cores: most of this run is known-bad implementations making cases
    # wait out their deadlines, and HTTP clients waiting on their child processes, which
    # overlaps well.
    args = ["suites", "-n", "6", "-q", "-p", "no:randomly"]
    for directory in REFERENCE_IMPLS + KNOWN_BAD + ALTERNATIVES:
        args += ["--impl", str(directory)]
    return run_suites(args, report, timeout=1500)


def _name(directory) -> str:
    return directory.name


def _outcomes(run: SuiteRun, impl: Implementation) -> dict[str, dict]:
    cases = {c["case"]: c for c in run.cases(impl.name)}
    assert cases, f"no case of {impl.name} was reported:\n{run.output[-3000:]}"
    return cases


def test_corpus_run_is_green(corpus_run):
    assert corpus_run.returncode == 0, corpus_run.output[-6000:]


@pytest.mark.parametrize("directory", REFERENCE_IMPLS, ids=_name)
def test_reference_passes_everything_it_claims(corpus_run, directory):
    """Every MUST of every role it claims.  A SHOULD its platform cannot meet may be listed
    in [expect] with the reason (asyncio's SSL transport has no TLS half-close)."""
    impl = load(directory)
    for case_id, case in _outcomes(corpus_run, impl).items():
        if impl.expectation(case["requirement"], case_id) is not None:
            assert case["level"] == "SHOULD", f"{impl.name} lists the MUST case {case_id}"
            continue
        wanted = "passed" if case["role"] in impl.roles else "not-implemented"
        assert case["outcome"] == wanted, f"{impl.name} {case_id}:\n{case['message']}"
    _listed_verdicts_hold(corpus_run, impl)


@pytest.mark.parametrize("directory", KNOWN_BAD, ids=_name)
def test_known_bad_fails_exactly_what_it_should(corpus_run, directory):
    impl = load(directory)
    assert impl.expect, "a known-bad implementation lists the cases it must fail"
    assert _listed_verdicts_hold(corpus_run, impl), f"{impl.name} failed nothing"


@pytest.mark.parametrize("directory", ALTERNATIVES, ids=_name)
def test_alternative_passes_all_but_its_listed_deviations(corpus_run, directory):
    _listed_verdicts_hold(corpus_run, load(directory))


def _listed_verdicts_hold(corpus_run: SuiteRun, impl: Implementation) -> int:
    """Every case [expect] lists failed for a behavioural reason, every other one passed;
    returns how many failed."""
    failed = 0
    for case_id, case in _outcomes(corpus_run, impl).items():
        reason = impl.expectation(case["requirement"], case_id)
        if reason is None:
            assert case["outcome"] in ("passed", "not-implemented"), (
                f"{impl.name} must pass {case_id}, but:\n{case['message']}"
            )
            continue
        failed += 1
        assert case["outcome"] == "expected-failure", (
            f"{impl.name} must fail {case_id} ({reason}) but it {case['outcome']}"
        )
        assert case["failure_kind"] in BEHAVIOURAL, (
            f"{impl.name} failed {case_id} without being exercised:\n{case['message']}"
        )
    return failed


def test_every_requirement_is_caught_by_a_known_bad_implementation(corpus_run):
    requirements = {
        c["requirement"] for c in corpus_run.report["cases"] if c["implementation"] == "stdlib"
    }
    assert requirements, "the stdlib reference ran no case"
    caught = {
        c["requirement"] for c in corpus_run.report["cases"] if c["outcome"] == "expected-failure"
    }
    missing = sorted(requirements - caught)
    assert not missing, f"no known-bad implementation fails: {', '.join(missing)}"
