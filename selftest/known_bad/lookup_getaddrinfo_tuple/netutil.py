"""Bad net.lookup: ``gethostbyname`` returns getaddrinfo's socket address, a tuple.

Bug: the student read that ``gethostbyname`` is the old IPv4-only API and that
``getaddrinfo`` replaces it, and returns the address part of its first answer,
``getaddrinfo(...)[0][4]``.  That part is a socket address, ``(address, port)``: the caller
gets ``('127.0.0.1', 0)`` where the contract promises the address itself, a str.
Seed: 000 'Utility functions' (``socket.gethostbyname()``), with ``socket.getaddrinfo()``.
Must fail: net.lookup/by-name (all three).  Everything else passes (an unknown name still
raises gaierror).
"""

import socket


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    infos = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
    return infos[0][4]  # BUG: the sockaddr (address, port); the address is [4][0]


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
