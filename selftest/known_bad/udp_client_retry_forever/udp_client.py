"""Bad udp.client: retries for as long as it takes; `retries` is never counted.

Bug: "UDP loses datagrams, so keep asking": after each timeout the client sends again, in a
``while True`` loop with no count.  Against a server that is down or silent it never
returns and never raises: the caller hangs forever.
Seed: 004 'Using UDP' + 000 'Timeouts' (the retry idea, without the limit).
Must fail: udp.client/give-up (the harness has to stop it) and
udp.client/ignore-strangers[answer-from-other] (the only answer comes from another address,
which its connect()ed socket drops: it never raises).  Every other case is answered, on the
first try or (udp.client/retry) the third.
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, port))
        sock.settimeout(timeout)
        while True:
            sock.send(payload)
            try:
                return sock.recv(65535)
            except TimeoutError:
                continue  # lost: ask again
