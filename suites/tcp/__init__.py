"""TCP stream roles: tcp.echo, tcp.greeting, tcp.client."""
