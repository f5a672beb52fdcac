"""net.lookup: the seed's name lookup utilities, through the system resolver.

``socket.gethostbyname()`` and ``gethostbyaddr()`` ask the C library, which follows
/etc/nsswitch.conf: the hosts file first, then DNS as the system is configured.  No outside
DNS server is named here.
"""

from __future__ import annotations

import socket


def gethostname() -> str:
    return socket.gethostname()


def gethostbyname(name: str) -> str:
    """One IPv4 address of ``name``, as a string; an IPv4 literal is returned as it is."""
    # RFC 6761 6.4: names in ".invalid" never exist, and name resolution APIs "SHOULD always
    # return immediately with an appropriate response".  The C library asks DNS anyway, which
    # without a reachable server takes its full timeout (5 s per try by default).  So they
    # are answered here, at once, with the error the C library gives for an unknown name.
    domain = name.rstrip(".").lower()  # "x.invalid." is the same name, fully qualified
    if domain == "invalid" or domain.endswith(".invalid"):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return socket.gethostbyname(name)


def gethostbyaddr(ip: str) -> str:
    """The primary host name of ``ip`` (socket's is a tuple: name, aliases, addresses)."""
    return socket.gethostbyaddr(ip)[0]
