"""Bad udp.client: reads the reply with recv(8192).

Bug: "8 KiB is plenty for an answer", a buffer size from the TCP client.  On UDP the size
limits the whole datagram: a longer reply is cut to 8192 bytes and the rest is discarded by
the kernel, silently.  Everything else (connect(), retries, raising) is right.
Seed: 004 'Using UDP' / 000 'TCP Client' (``s.recv(...)`` with a fixed buffer) + 000
'Partial Reads/Writes'.
Must fail: udp.client/reply[large] only (a 60,000-byte reply comes back as 8192 bytes).
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, port))
        sock.settimeout(timeout)
        for _try in range(retries):
            sock.send(payload)
            try:
                return sock.recv(8192)
            except TimeoutError:
                continue
    raise TimeoutError(f"no reply from {host}:{port} after {retries} tries")
