"""net.lookup on trio.socket: getaddrinfo / getnameinfo, each call in its own trio.run().

trio.socket deliberately has no gethostbyname or gethostbyaddr (the blocking, IPv4-only
calls); its asynchronous getaddrinfo and getnameinfo are the API.  gethostbyname(name) is
the first address of ``await trio.socket.getaddrinfo(name, None, AF_INET, SOCK_STREAM)``:
trio answers an IP literal itself (it first tries AI_NUMERICHOST) and runs the C library's
getaddrinfo (hosts file first) in a worker thread (trio.to_thread) for anything else.
gethostbyaddr(ip) is the host of ``await trio.socket.getnameinfo((ip, 0), NI_NAMEREQD)``,
the C library's reverse lookup in a worker thread; NI_NAMEREQD makes an address without a
name raise, as socket.gethostbyaddr does, instead of returning the address.
trio.socket.gethostname is the standard library's, re-exported.
"""

import trio


def gethostname():
    return trio.socket.gethostname()


async def _by_name(name):
    infos = await trio.socket.getaddrinfo(
        name, None, family=trio.socket.AF_INET, type=trio.socket.SOCK_STREAM
    )
    return infos[0][4][0]


async def _by_addr(ip):
    host, _service = await trio.socket.getnameinfo((ip, 0), trio.socket.NI_NAMEREQD)
    return host


def gethostbyname(name):
    return trio.run(_by_name, name)


def gethostbyaddr(ip):
    return trio.run(_by_addr, ip)
