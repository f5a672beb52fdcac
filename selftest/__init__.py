"""The project's own tests: the harness, the reference implementations, the known-bad corpus."""
