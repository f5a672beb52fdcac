"""Bad udp.client: takes the first datagram that arrives, from anyone.

Bug: the client sends with sendto() on an unconnected socket and returns whatever recvfrom()
gives first, ignoring the address it returns (``data, _ = sock.recvfrom(65535)``).  Any host
that can reach the client's port can answer in the server's place (a stale reply, a
spoofed one).  The retries and the timeout are right.
Seed: 004 'Using UDP' (the time client: ``data, addr = s.recvfrom(...)``, addr unused).
Must fail (SHOULD): udp.client/ignore-strangers, both variants: it returns the stranger's
datagram sent before the server's reply, and returns (instead of raising) the answer that
came from another address than the server's.
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        for _try in range(retries):
            sock.sendto(payload, (host, port))
            try:
                data, _addr = sock.recvfrom(65535)
            except TimeoutError:
                continue
            return data
    raise TimeoutError(f"no reply from {host}:{port} after {retries} tries")
