"""Helpers for running the suites in a child pytest, as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_IMPLS = sorted(p.parent for p in (ROOT / "reference_impls").glob("*/impl.toml"))
KNOWN_BAD = sorted(p.parent for p in (ROOT / "selftest" / "known_bad").glob("*/impl.toml"))
# Real third-party programs (socat, netcat, Node.js, nginx, ...; Python libraries): their tools are
# installed by .ci/run (alternatives/README.md).
ALTERNATIVES = sorted(p.parent for p in (ROOT / "alternatives").glob("*/impl.toml"))


@dataclass
class SuiteRun:
    returncode: int
    output: str
    report: dict

    def cases(self, impl: str) -> list[dict]:
        return [c for c in self.report.get("cases", []) if c["implementation"] == impl]


def run_suites(args: list[str], report: Path, *, timeout: float) -> SuiteRun:
    """``python -m pytest ARGS --report-json REPORT`` in the project root, bounded in time."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            *args,
            "--report-json",
            str(report),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    data = json.loads(report.read_text()) if report.exists() else {}
    return SuiteRun(proc.returncode, proc.stdout + proc.stderr, data)


@pytest.fixture
def make_impl(tmp_path):
    """Write an implementation directory: make_impl(toml, {"srv.py": source, ...})."""

    def make(toml: str, files: dict[str, str] | None = None, name: str = "impl") -> Path:
        directory = tmp_path / name
        directory.mkdir()
        (directory / "impl.toml").write_text(textwrap.dedent(toml))
        for filename, text in (files or {}).items():
            (directory / filename).write_text(textwrap.dedent(text))
        return directory

    return make


@pytest.fixture
def suites(pytester):
    """Run the project's suites in a child pytest with ARGS (paths relative to the root)."""

    def run(*args: str, timeout: float = 120):
        args = [str(ROOT / a) if a.startswith(("suites", "reference_impls")) else a for a in args]
        return pytester.runpytest_subprocess(
            "--rootdir",
            str(ROOT),
            "-c",
            str(ROOT / "pyproject.toml"),
            "-p",
            "no:cacheprovider",
            *args,
            timeout=timeout,
        )

    return run
