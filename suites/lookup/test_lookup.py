"""net.lookup: a module of ``gethostname()``, ``gethostbyname(name)`` and
``gethostbyaddr(ip)`` returning str, str and str (the primary host name).

Each function is called in a child (``client_under_test.call_function``).  No case needs the
network beyond loopback: the names are ones every machine resolves from its hosts file
(``localhost``), IP literals (no lookup at all), and a name in the reserved ``.invalid``
domain (RFC 6761), which must fail in bounded time.  The child's system resolver is told to
give up on a nameserver after 1 s, once (``RES_OPTIONS``).  ``gethostbyaddr`` is judged by
resolving its answer back, never against a fixed name.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

import pytest

from fixtures.errors import Mismatch
from fixtures.requirements import MUST, requirement

SEED = "000 'Utility functions'"


def contract(outcome, function: str) -> None:
    """A value of the wrong type is told what the contract says."""
    if outcome.returned and not isinstance(outcome.value, str):
        shown = f"a {type(outcome.value).__name__}: {outcome.value!r:.160}"
        hint = "return a str"
        if function == "gethostbyname" and isinstance(outcome.value, tuple | list):
            hint = (
                "return one address as a str: socket.gethostbyname(name), or from "
                "getaddrinfo the address of the socket address, getaddrinfo(...)[0][4][0]"
            )
        if function == "gethostbyaddr" and isinstance(outcome.value, tuple):
            hint = (
                "socket.gethostbyaddr() returns (hostname, aliases, addresses): return its "
                "first item, the primary name"
            )
        raise Mismatch(
            expected=f"{function}() to return a str, as the contract says",
            actual=f"it returned {shown}",
            hint=hint,
        )


def returned(outcome, function: str, args: str) -> str:
    if not outcome.returned:
        raise Mismatch(
            expected=f"{function}({args}) to return",
            actual=f"it {outcome.describe()}",
            hint="use the system resolver (socket.gethostbyname and friends): it reads the "
            "hosts file first and needs no network for these names",
            extra=f"its output:\n{outcome.output_tail}" if outcome.output_tail else "",
        )
    contract(outcome, function)
    return outcome.value


@requirement(
    "net.lookup/hostname",
    MUST,
    "gethostname() MUST return the machine's host name.",
    seed=SEED,
)
def test_hostname(client_under_test, timeouts):
    name = returned(client_under_test.call_function(timeouts.io, "gethostname"), "gethostname", "")
    if name != socket.gethostname():
        raise Mismatch(
            expected=f"{socket.gethostname()!r}",
            actual=f"{name!r}",
            hint="socket.gethostname()",
        )


BY_NAME = {
    "localhost": "localhost",
    "loopback-literal": "127.0.0.1",
    "ip-literal": "192.0.2.33",
}


@requirement(
    "net.lookup/by-name",
    MUST,
    "gethostbyname MUST return a loopback IPv4 address for localhost, and an IP literal itself.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(BY_NAME))
def test_by_name(client_under_test, timeouts, case_name):
    name = BY_NAME[case_name]
    address = returned(
        client_under_test.call_function(timeouts.io, "gethostbyname", name),
        "gethostbyname",
        repr(name),
    )
    try:
        parsed = ipaddress.IPv4Address(address)
    except ValueError:
        raise Mismatch(
            expected=f"an IPv4 address for {name!r}",
            actual=f"{address!r}",
            hint="return the dotted-quad string socket.gethostbyname(name) gives",
        ) from None
    right = parsed.is_loopback if case_name == "localhost" else address == name
    if not right:
        raise Mismatch(
            expected="a loopback address (127.x.x.x)" if case_name == "localhost" else f"{name!r}",
            actual=f"{address!r}",
            hint="resolve with the system resolver (socket.gethostbyname): the hosts file maps "
            "localhost, and an address needs no lookup",
        )


def resolves_to_loopback(name: str, limit: float) -> tuple[bool, str]:
    """Whether ``name`` resolves (here, under a deadline) to a loopback address."""
    found: list[object] = []

    def look() -> None:
        try:
            found.append({info[4][0] for info in socket.getaddrinfo(name, None)})
        except OSError as exc:
            found.append(exc)

    worker = threading.Thread(target=look, daemon=True)
    worker.start()
    worker.join(limit)
    if not found:
        return False, f"{name!r} did not resolve within {limit:.0f} s"
    if isinstance(found[0], OSError):
        return False, f"{name!r} does not resolve ({found[0]})"
    addresses = sorted(str(a) for a in found[0])  # type: ignore[union-attr]
    loopback = any(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)
    return loopback, f"{name!r} resolves to {', '.join(addresses)}"


@requirement(
    "net.lookup/by-addr",
    MUST,
    "gethostbyaddr('127.0.0.1') MUST return the primary name of a host that resolves back to a "
    "loopback address.",
    seed=SEED,
)
def test_by_addr(client_under_test, timeouts):
    name = returned(
        client_under_test.call_function(timeouts.io, "gethostbyaddr", "127.0.0.1"),
        "gethostbyaddr",
        "'127.0.0.1'",
    )
    ok, account = resolves_to_loopback(name, timeouts.io) if name else (False, "an empty name")
    if not ok:
        raise Mismatch(
            expected="a host name that resolves back to 127.0.0.1 (or another loopback address)",
            actual=f"{name!r}: {account}",
            hint="return socket.gethostbyaddr(ip)[0]",
        )


@requirement(
    "net.lookup/unknown-name",
    MUST,
    "gethostbyname of an unknown name (in the reserved .invalid domain) MUST raise, within 3 s.",
    seed=SEED,
)
def test_unknown_name(client_under_test, timeouts):
    name = "no-such-host.invalid"
    outcome = client_under_test.call_function(
        timeouts.lookup_unknown + timeouts.io, "gethostbyname", name
    )
    if outcome.raised is not None and outcome.elapsed <= timeouts.lookup_unknown:
        return
    if outcome.raised is not None:
        actual = f"it raised, but after {outcome.elapsed:.1f} s"
    elif outcome.hung:
        actual = f"it {outcome.describe()}"
    else:
        actual = f"it returned {outcome.value!r:.100} after {outcome.elapsed:.2f} s"
    raise Mismatch(
        expected=f"gethostbyname({name!r}) to raise within {timeouts.lookup_unknown:.0f} s",
        actual=actual,
        hint="let socket.gaierror propagate (or raise your own error); never return a "
        "placeholder address, never retry without end",
    )
