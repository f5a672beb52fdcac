"""Bad net.lookup: an unknown name gives "0.0.0.0" instead of an error.

Bug: "the program should not crash on a bad name", so ``gethostbyname`` catches gaierror
and returns "0.0.0.0".  The caller cannot tell the failure from an answer; it goes on to
connect to 0.0.0.0, which on Linux is this very machine.
Seed: 000 'Utility functions' (``socket.gethostbyname()``).
Must fail: net.lookup/unknown-name.  Everything else passes.
"""

import socket


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    try:
        return socket.gethostbyname(name)
    except socket.gaierror:
        return "0.0.0.0"  # BUG: the error should reach the caller


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
