"""Event-driven roles: loop.echo."""
