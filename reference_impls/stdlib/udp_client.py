"""udp.client: send the payload, wait `timeout` for the reply, try `retries` times in all.

Only a datagram from the server's address counts as the reply (connect() makes the kernel
drop the others); recv(65535) takes any datagram whole.
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
                continue
    raise TimeoutError(f"no reply from {host}:{port} after {retries} tries of {timeout} s")
