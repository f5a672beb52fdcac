"""The ``netconformance`` command and pytest entry point: the suites run from anywhere.

``pip install -e .`` installs two things that lead here:

* the command ``netconformance [pytest options]``, which runs this checkout's suites from any
  working directory (``netconformance --impl ~/alice -n 2``): every option is pytest's or the
  suites', passed through unchanged;
* a ``pytest11`` entry point, so pytest knows ``--impl`` and the other options *before* it
  looks for a configuration file.  Without it ``pytest --impl /abs/dir`` (the space form)
  makes pytest take ``/abs/dir`` for a test path, settle on the wrong root directory and
  configuration, and reject ``--impl``.

The entry point stays inert in other projects' runs: it only registers the options.  The
harness (``fixtures.plugin``) is loaded when this checkout's configuration is in use or one
of the suites' options is given.  A command-line run that gives the suites' options under
another configuration (or none: ``--impl /abs/dir`` from the checkout, or any run from
another directory) is re-executed once with this checkout's root directory and
configuration, adding the suites as the test path when no path was given.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
CONFIG = ROOT / "pyproject.toml"
SUITES = ROOT / "suites"
_REEXEC_MARK = "NETCONFORMANCE_REEXEC"

# Set for the process this module re-executes; popped at once so that no child inherits it.
_REEXECUTED = os.environ.pop(_REEXEC_MARK, None) is not None

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fixtures.options import OPTIONS, add_options  # noqa: E402  (needs ROOT on sys.path)


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def _ours(config: pytest.Config) -> bool:
    return config.inipath is not None and config.inipath.resolve() == CONFIG


def _options_given(config: pytest.Config) -> bool:
    namespace = config.known_args_namespace
    return any(
        getattr(namespace, o.flag.lstrip("-").replace("-", "_"), None) is not None for o in OPTIONS
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(
    early_config: pytest.Config, parser: pytest.Parser, args: list[str]
) -> None:
    namespace = early_config.known_args_namespace
    if _ours(early_config):
        # testpaths apply only to runs started in the root directory: elsewhere, the suites.
        if not namespace.file_or_dir and early_config.invocation_params.dir != ROOT:
            args.append(str(SUITES))
            namespace.file_or_dir.append(str(SUITES))  # so ROOT's conftest loads first
        return
    if not _options_given(early_config):
        return
    argv = list(early_config.invocation_params.args)
    if sys.argv[1:] != argv or _REEXECUTED:
        raise pytest.UsageError(
            f"the suites' options need this project's configuration: run "
            f"'netconformance {' '.join(argv)}', or give pytest '-c {CONFIG} --rootdir {ROOT}'"
        )
    os.environ[_REEXEC_MARK] = "1"
    capture = early_config.pluginmanager.getplugin("capturemanager")
    if capture is not None:  # give the real stdout and stderr back to the new process
        capture.stop_global_capturing()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "pytest", *suite_argv(argv)])


def pytest_configure(config: pytest.Config) -> None:
    if _ours(config) or _options_given(config):
        config.pluginmanager.import_plugin("fixtures.plugin")


def suite_argv(argv: list[str]) -> list[str]:
    """pytest arguments that run this checkout's suites with ``argv`` from any directory."""
    return ["--rootdir", str(ROOT), "-c", str(CONFIG), *argv]


def main(argv: list[str] | None = None) -> None:
    """The ``netconformance`` command: pytest on this checkout's suites, options passed on.
    A fresh interpreter, not pytest.main(): this module is a plugin that pytest must import
    itself (to rewrite its asserts)."""
    args = sys.argv[1:] if argv is None else argv
    os.environ[_REEXEC_MARK] = "1"  # configured here: no re-exec needed
    os.execv(sys.executable, [sys.executable, "-m", "pytest", *suite_argv(args)])


if __name__ == "__main__":
    main()
