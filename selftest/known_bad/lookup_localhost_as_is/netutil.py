"""Bad net.lookup: "localhost" is returned as it is, like an IP literal.

Bug: the student short-circuits names that "need no lookup": an IP literal is returned as
it is, and so is "localhost" ("it is this machine anyway").  But the contract asks for an
address: the caller gets the str "localhost" where it expects dotted-quad digits (to
compare, to store, to bind), and the one name every machine resolves is never resolved.
Seed: 000 'Utility functions' (``socket.gethostbyname()``).
Must fail: net.lookup/by-name[localhost].  Everything else passes.
"""

import ipaddress
import socket


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    if name == "localhost":  # BUG: "localhost" is a name, not an address
        return name
    try:
        ipaddress.IPv4Address(name)
        return name  # already an address: no lookup
    except ValueError:
        pass
    return socket.gethostbyname(name)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
