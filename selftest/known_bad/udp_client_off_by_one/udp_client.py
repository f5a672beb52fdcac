"""Bad udp.client: one try too few (the counter is bumped before it is compared).

Bug: the try counter starts at 1 for the first send and is incremented as soon as a try
times out, then compared with ``>=``: the client gives up after `retries` - 1 tries (for any
`retries` above 1).  The contract says `retries` tries, then raise.
Seed: 004 'Using UDP' + 000 'Timeouts'; an off-by-one in the retry loop.
Must fail: udp.client/give-up only (retries=3: it raises, in time, after 2 tries).  In
udp.client/retry (retries=4, the first two dropped) the third try is answered, which it
still makes; the other cases use retries=1 and an answering server.
"""

import socket


def query(host, port, payload, timeout, retries):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, port))
        sock.settimeout(timeout)
        attempt = 1
        while True:
            sock.send(payload)
            try:
                return sock.recv(65535)
            except TimeoutError:
                attempt += 1
                if attempt >= retries:
                    raise
