"""Provisioned arguments of http.static: the document root the suite builds (``docroot``),
once per pytest process, with a secret file beside it that no request may reach."""

from __future__ import annotations

import pytest

from fixtures.docroot import DocumentRoot, build
from fixtures.servers import RoleArgs


@pytest.fixture(scope="session")
def docroot(tmp_path_factory: pytest.TempPathFactory) -> DocumentRoot:
    return build(tmp_path_factory.mktemp("http-static", numbered=True))


@pytest.fixture(scope="session")
def role_args(docroot: DocumentRoot) -> RoleArgs:
    return {"root": docroot.root}
