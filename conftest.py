"""Registers the conformance plugin (fixtures/plugin.py) for every run from this checkout;
pytester serves the self-tests, which run the suites in child pytest processes."""

pytest_plugins = ["fixtures.plugin", "pytester"]
