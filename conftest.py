"""Registers the conformance entry point (netconformance.py, which loads fixtures/plugin.py)
for runs from a checkout that was not installed; pytester serves the self-tests, which run
the suites in child pytest processes."""

pytest_plugins = ["netconformance", "pytester"]
