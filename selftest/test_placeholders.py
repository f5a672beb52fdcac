"""Placeholders in command entries."""

from __future__ import annotations

import pytest

from fixtures.drivers import render
from fixtures.internal.placeholders import PlaceholderError, expand, fields_of
from fixtures.roles import ALL_PLACEHOLDERS, ROLES


def test_fields_and_expansion():
    command = ["{python}", "srv.py", "--bind={host}:{port}", "{{literal}}"]
    assert [f for part in command for f in fields_of(part)] == ["python", "host", "port"]
    assert expand(command, {"python": "/py", "host": "127.0.0.1", "port": "1234"}) == [
        "/py",
        "srv.py",
        "--bind=127.0.0.1:1234",
        "{literal}",
    ]


@pytest.mark.parametrize(
    "template", ["{", "}", "{0}", "{}", "{port!r}", "{port:d}", "{a.b}", "{a[0]}"]
)
def test_malformed_placeholders_refused(template):
    with pytest.raises(PlaceholderError):
        fields_of(template)


def test_missing_value_refused():
    with pytest.raises(PlaceholderError, match=r"no value for \{cafile\}"):
        expand(["x", "{cafile}"], {"python": "/py"})


def test_contract_placeholders_all_known():
    # The contract lists these; {timeout}, {timeout_int}, {retries}, {server_hostname} are
    # extensions for client commands.
    contract = {
        "python",
        "host",
        "port",
        "root",
        "app",
        "authkey",
        "certfile",
        "keyfile",
        "cafile",
        "impl_dir",
    }
    assert contract <= ALL_PLACEHOLDERS
    assert ALL_PLACEHOLDERS - contract == {"timeout", "timeout_int", "retries", "server_hostname"}
    assert "root" in ROLES["http.static"].allowed_placeholders
    assert "root" not in ROLES["tcp.echo"].allowed_placeholders


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (6.0, "6"),
        (0.4, "0.4"),
        (30, "30"),
        (None, ""),
        (b"\x01\xab", "01ab"),
        ("x", "x"),
    ],
)
def test_values_as_commands_see_them(value, shown):
    # "6.0" is rejected by tools taking whole seconds (nc -w); no cafile is the empty string.
    assert render(value) == shown
