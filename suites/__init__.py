"""Conformance suites, one folder per protocol family, one module per role."""
