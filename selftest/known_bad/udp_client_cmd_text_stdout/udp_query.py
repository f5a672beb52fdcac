"""Bad udp.client (command form, Python script): passes the reply through text-mode stdout.

Bug: the student reads the payload with ``sys.stdin.read()`` and writes the reply with
``print(reply.decode(), end="")``, as for any text program.  The datagram is bytes: a reply
that is not valid UTF-8 raises UnicodeDecodeError, the script dies with a traceback
(non-zero exit: the command form's "raise"), and the caller gets no reply at all.  The
network side is right: connect(), recv(65535), `retries` tries, exit 1 after the last.
Seed: 004 'Using UDP' (the time client prints ``data.decode()``); 000 'Connections' (bytes).
usage: udp_query.py HOST PORT TIMEOUT RETRIES   (payload on stdin, reply on stdout)

Must fail: udp.client/reply[all-byte-values] and udp.client/reply[large] (random bytes).
Every other reply is ASCII.
"""

import socket
import sys

host, port, timeout, retries = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
payload = sys.stdin.read().encode()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
    sock.connect((host, port))
    sock.settimeout(timeout)
    for _try in range(retries):
        sock.send(payload)
        try:
            reply = sock.recv(65535)
        except TimeoutError:
            continue
        print(reply.decode(), end="")
        sys.exit(0)
print(f"no reply from {host}:{port} after {retries} tries", file=sys.stderr)
sys.exit(1)
