"""Bad net.lookup: a failed lookup is retried without end.

Bug: "DNS can fail for a moment, so try again": ``gethostbyname`` catches gaierror, sleeps
half a second and tries again, with no limit.  A name that does not exist never will: the
call never returns (here, until the suite kills it).
Seed: 000 'Utility functions' (``socket.gethostbyname()``).
Must fail: net.lookup/unknown-name.  Everything else passes.
"""

import socket
import time


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    while True:  # BUG: no limit on the tries; an unknown name never resolves
        try:
            return socket.gethostbyname(name)
        except socket.gaierror:
            time.sleep(0.5)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
