"""Bad udp.client: returns None when every try goes unanswered.

Bug: the retry loop is right, but after the last try the function falls off its end (the
student printed a message instead of raising), so the caller gets None: "no reply" looks like
a result, and a caller doing ``reply.decode()`` fails far from the cause.
Seed: 004 'Using UDP' + 000 'Timeouts' ("raise on timeout"), with the error swallowed.
Must fail: udp.client/give-up (returns None instead of raising) and
udp.client/ignore-strangers[answer-from-other] (its connect()ed socket drops the stranger's
answer, as it should, but then it returns None instead of raising).
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, port))
        sock.settimeout(timeout)
        for _try in range(retries):
            sock.send(payload)
            try:
                return sock.recv(65535)
            except TimeoutError:
                print(f"no reply from {host}:{port}, retrying")
    print(f"giving up after {retries} tries")
