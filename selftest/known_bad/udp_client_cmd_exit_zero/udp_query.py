r"""Bad udp.client (command form, Python script): exits 0 when no reply comes.

Bug: after the last unanswered try the student prints "no reply" to stdout and lets the
script end normally, exit status 0.  For a command, exit 0 means success and stdout is the
reply: the caller gets b'no reply ...\n' as if the server had said it.  Everything else is
right (connect(), recv(65535), `retries` tries, bytes through sys.stdout.buffer).
Seed: 004 'Using UDP' + 000 'Timeouts'; the command-form contract (non-zero exit = raise).
usage: udp_query.py HOST PORT TIMEOUT RETRIES   (payload on stdin, reply on stdout)

Must fail: udp.client/give-up and udp.client/ignore-strangers[answer-from-other] (the
stranger's answer is dropped by connect(), as it should be, but the script then exits 0).
"""

import socket
import sys

host, port, timeout, retries = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
payload = sys.stdin.buffer.read()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
    sock.connect((host, port))
    sock.settimeout(timeout)
    for _try in range(retries):
        sock.send(payload)
        try:
            reply = sock.recv(65535)
        except TimeoutError:
            continue
        sys.stdout.buffer.write(reply)
        break
    else:
        print(f"no reply from {host}:{port} after {retries} tries")
