"""Bad mpc.echo, command form: the ``{authkey}`` hex string used as the key itself.

Bug: a command gets the key as hex on its command line, and the script turns the text into
bytes with ``sys.argv[3].encode()``: the key becomes the 32 ASCII characters of the hex
string, not the 16 bytes they spell (``bytes.fromhex(sys.argv[3])``).  The handshake runs
with a key no client has, so every honest client is refused ("digest sent was rejected").
Seed: 004 'Communicating between Interpreters' as a script (``echo_server(address,
authkey)``), with threads per client and the handshake in each thread (000 'Threaded
Server').
Must fail: every case (no honest client gets through the handshake); the security case
only at its honest round trip, nothing is unpickled.
"""

import sys
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge


def echo_client(conn, authkey):
    with conn:
        try:
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            while True:
                conn.send(conn.recv())
        except (EOFError, OSError, AuthenticationError) as exc:
            print("client gone:", type(exc).__name__, exc, flush=True)


def echo_server(address, authkey):
    serv = Listener(address)  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client, authkey), daemon=True).start()


if __name__ == "__main__":
    host, port, key = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    echo_server((host, port), key.encode())  # BUG: the hex text, not bytes.fromhex(key)
