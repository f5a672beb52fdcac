"""The suites run from anywhere: ``--impl DIR`` and ``--impl=DIR``, relative or absolute, with
the implementation outside the checkout, from another working directory, through
``python -m pytest`` and through the installed ``netconformance`` command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from selftest.conftest import ROOT

COMMAND = Path(sys.executable).with_name("netconformance")


@pytest.fixture
def outside(tmp_path) -> Path:
    """A copy of the stdlib reference in a temporary directory: outside the checkout."""
    impl = tmp_path / "submissions" / "alice"
    shutil.copytree(ROOT / "reference_impls" / "stdlib", impl)
    (impl / "impl.toml").write_text(
        (impl / "impl.toml").read_text().replace('name = "stdlib"', 'name = "alice"')
    )
    return impl


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [*argv, "-p", "no:cacheprovider", "--role", "tcp.greeting"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_ran_alice(result: subprocess.CompletedProcess[str]) -> None:
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-3000:]
    assert "alice:" in out and re.search(r"tcp\.greeting +CONFORMS", out), out[-3000:]
    assert "selftest" not in out.split("conformance summary")[0], "collected the self-tests"


@pytest.mark.parametrize("form", ["space", "equals", "relative"])
@pytest.mark.parametrize("where", ["checkout", "elsewhere"])
def test_python_m_pytest(outside, tmp_path, form, where):
    cwd = ROOT if where == "checkout" else tmp_path
    impl = os.path.relpath(outside, cwd) if form == "relative" else str(outside)
    option = [f"--impl={impl}"] if form == "equals" else ["--impl", impl]
    assert_ran_alice(run([sys.executable, "-m", "pytest", *option], cwd))


@pytest.mark.parametrize("where", ["checkout", "elsewhere"])
def test_installed_command(outside, tmp_path, where):
    assert COMMAND.exists(), f"{COMMAND} is missing: install with pip install -e ."
    cwd = ROOT if where == "checkout" else tmp_path
    assert_ran_alice(run([str(COMMAND), "--impl", str(outside), "-n", "2"], cwd))


def test_command_passes_test_paths_on(outside, tmp_path):
    result = run(
        [
            str(COMMAND),
            "--impl",
            str(outside),
            "-q",
            str(ROOT / "suites" / "tcp" / "test_greeting.py"),
        ],
        tmp_path,
    )
    assert_ran_alice(result)


def test_other_projects_runs_stay_untouched(tmp_path):
    """The entry point is installed for every pytest of the environment: a run of another
    project must not load the harness (no header, no summary, no subreaper)."""
    (tmp_path / "test_other.py").write_text("def test_other():\n    assert 1 + 1 == 2\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_other.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout
    assert "implementation:" not in result.stdout
    assert "conformance summary" not in result.stdout
