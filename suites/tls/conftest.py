"""Provisioned arguments of tls.echo: the catalogue's valid server certificate (for
localhost and 127.0.0.1, from the session CA) and no cafile (no client certificates asked
for).  Cases that require client certificates ask for a server with ``cafile`` given."""

from __future__ import annotations

import pytest

from fixtures.certs import Certificates
from fixtures.servers import RoleArgs


@pytest.fixture(scope="session")
def role_args(certificates: Certificates) -> RoleArgs:
    cert = certificates.server("localhost")
    return {"certfile": cert.certfile, "keyfile": cert.keyfile, "cafile": None}
