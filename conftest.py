"""Registers the conformance plugin (fixtures/plugin.py) for every run from this checkout."""

pytest_plugins = ["fixtures.plugin"]
