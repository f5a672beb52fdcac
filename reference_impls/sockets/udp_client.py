"""udp.client on an unconnected socket: replies are accepted only from the server's address.

The address is resolved once, so a reply from 127.0.0.1 matches a query to "localhost".
Each try waits the whole `timeout` for the server's reply, however many strangers write.
"""

import socket
import time


def query(host, port, payload, timeout, retries):
    server = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_DGRAM)[0][4]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _try in range(retries):
            sock.sendto(payload, server)
            deadline = time.monotonic() + timeout
            while (remaining := deadline - time.monotonic()) > 0:
                sock.settimeout(remaining)
                try:
                    data, sender = sock.recvfrom(65535)
                except TimeoutError:
                    break
                if sender == server:
                    return data
    raise TimeoutError(f"no reply from {host}:{port} after {retries} tries of {timeout} s")
