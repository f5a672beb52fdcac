"""udp.client as a command: udp_query.py HOST PORT TIMEOUT RETRIES.

Reads the payload from stdin, writes the reply to stdout, exits 1 after RETRIES unanswered
tries (the command form's way of raising)."""

import socket
import sys


def main(host, port, timeout, retries):
    payload = sys.stdin.buffer.read()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.connect((host, int(port)))  # only the server's datagrams reach us
        sock.settimeout(float(timeout))
        for _try in range(int(retries)):
            sock.send(payload)
            try:
                reply = sock.recv(65535)
            except TimeoutError:
                continue
            sys.stdout.buffer.write(reply)
            return 0
    print(f"no reply after {retries} tries", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
