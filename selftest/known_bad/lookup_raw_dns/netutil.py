"""Bad net.lookup: ``gethostbyname`` asks a public DNS server (8.8.8.8) by hand.

Bug: to "see how DNS really works", the student builds the A query and sends it over UDP
to 8.8.8.8 (here 192.0.2.53, below; a 2 s timeout), instead of asking the system resolver.  That skips everything
the system knows: the hosts file (where "localhost" and this host's own name live), its
configured servers, its search domains.  A public server does not know "localhost": it
answers NXDOMAIN (or, off-line, nothing at all) and the lookup fails.  IP literals are
returned as they are, and an unknown name fails either way, so only localhost shows it.
(It also sends each looked-up name to an outside party.)
Seed: 000 'Utility functions' (``socket.gethostbyname()``), replaced by a hand-made query
on 000 'UDP Client' sockets.
Must fail: net.lookup/by-name[localhost].  Everything else passes.
"""

import ipaddress
import random
import socket
import struct

# BUG: an outside server; the system resolver knows the hosts file.  The student's would be
# 8.8.8.8; this corpus stands it in with TEST-NET-1 (RFC 5737, never routed), so that a
# self-test run sends nothing off the machine: the query goes unanswered, as off-line.
DNS_SERVER = ("192.0.2.53", 53)


def build_query(name, query_id):
    header = struct.pack("!HHHHHH", query_id, 0x0100, 1, 0, 0, 0)  # recursion desired
    qname = b"".join(bytes([len(p)]) + p.encode("ascii") for p in name.rstrip(".").split("."))
    return header + qname + b"\x00" + struct.pack("!HH", 1, 1)  # type A, class IN


def skip_name(packet, offset):
    while True:
        length = packet[offset]
        if length & 0xC0 == 0xC0:  # compression pointer: two bytes, the name ends
            return offset + 2
        offset += 1 + length
        if length == 0:
            return offset


def parse_answer(packet, query_id):
    qid, flags, qdcount, ancount, _, _ = struct.unpack("!HHHHHH", packet[:12])
    if qid != query_id:
        raise OSError("DNS answer to another query")
    if flags & 0x000F:
        raise socket.gaierror(socket.EAI_NONAME, f"DNS error, rcode {flags & 0x000F}")
    offset = 12
    for _ in range(qdcount):
        offset = skip_name(packet, offset) + 4
    for _ in range(ancount):
        offset = skip_name(packet, offset)
        rtype, _, _, rdlength = struct.unpack("!HHIH", packet[offset : offset + 10])
        offset += 10
        if rtype == 1 and rdlength == 4:
            return socket.inet_ntoa(packet[offset : offset + 4])
        offset += rdlength
    raise socket.gaierror(socket.EAI_NONAME, "no A record in the answer")


def gethostname():
    return socket.gethostname()


def gethostbyname(name):
    try:
        ipaddress.IPv4Address(name)
        return name  # already an address: no lookup
    except ValueError:
        pass
    query_id = random.randrange(65536)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(2.0)
        sock.sendto(build_query(name, query_id), DNS_SERVER)
        packet, _ = sock.recvfrom(512)
    return parse_answer(packet, query_id)


def gethostbyaddr(ip):
    return socket.gethostbyaddr(ip)[0]
