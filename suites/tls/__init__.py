"""tls.echo and tls.client: TLS both ways, against the session CA and its catalogue."""
