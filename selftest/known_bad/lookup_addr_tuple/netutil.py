"""Bad net.lookup: ``gethostbyaddr`` returns socket's whole tuple.

Bug: each function passes socket's answer straight through, and for ``gethostbyaddr`` that
answer is ``(hostname, aliases, addresses)``, not the host name: the caller gets
``('localhost', [], ['127.0.0.1'])`` where the contract promises a str, the primary name.
Seed: 000 'Utility functions' (``socket.gethostname()``, ``gethostbyname()``,
``gethostbyaddr()``).
Must fail: net.lookup/by-addr.  Everything else passes.
"""

import socket


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    return socket.gethostbyname(name)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)  # BUG: (hostname, aliases, addresses); the name is [0]
