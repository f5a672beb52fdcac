"""A pytest plugin for the self-tests (``-p selftest.no_proc``): the harness on a machine
whose /proc cannot be read, as in a hardened container."""

from pathlib import Path

from fixtures.internal import procnet

procnet.PROC = Path("/nonexistent-proc")
