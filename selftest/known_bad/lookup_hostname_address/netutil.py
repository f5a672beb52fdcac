"""Bad net.lookup: ``gethostname`` returns the host's address, not its name.

Bug: the seed's 'Utility functions' show ``socket.gethostname()`` and
``socket.gethostbyname(...)`` one after the other, and the student chains them: the "host
name" returned is ``socket.gethostbyname(socket.gethostname())``, the address the name
resolves to (here 127.0.0.1), never the name itself.
Seed: 000 'Utility functions' (``socket.gethostname()``, ``socket.gethostbyname()``).
Must fail: net.lookup/hostname.  Everything else passes.
"""

import socket


def gethostname():
    return socket.gethostbyname(socket.gethostname())  # BUG: the address, not the name


def gethostbyname(name):
    return socket.gethostbyname(name)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
