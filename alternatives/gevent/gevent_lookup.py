"""net.lookup on gevent's resolver: the gevent.socket functions.

gevent.socket.gethostbyname and gethostbyaddr go to the hub's resolver
(gevent.get_hub().resolver); gevent's default, gevent.resolver.thread.Resolver, runs the C
library's lookup (hosts file first, as /etc/nsswitch.conf says) in the hub's thread pool so
that other greenlets keep running.  gevent.socket.gethostname is the standard library's,
re-exported (it asks the kernel, no lookup).  gethostbyaddr returns gevent's
(hostname, aliases, addresses) tuple; the contract wants the primary name only.
"""

from gevent import socket


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    return socket.gethostbyname(name)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
