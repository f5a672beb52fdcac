"""Bad mpc.echo: the seed's ``authkey=b'peekaboo'`` instead of the key it is given.

Bug: the key is copied from the seed's ``echo_server(('', 25000), authkey=b'peekaboo')``
line, and the ``authkey`` argument of ``serve()`` is never used.  The handshake runs, but
with the wrong key: every honest client is refused ("digest sent was rejected").  A wrong
key is refused too, of course, but the honest client after it is as well.
Seed: 004 'Communicating between Interpreters' (``Listener(address, authkey=b'peekaboo')``),
with threads per client and the handshake in each thread (000 'Threaded Server').
Must fail: every case (no honest client gets through the handshake); the security case
only at its honest round trip, nothing is unpickled.
"""

import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge

AUTHKEY = b"peekaboo"  # BUG: the seed's key, not serve()'s authkey


def echo_client(conn):
    with conn:
        try:
            deliver_challenge(conn, AUTHKEY)
            answer_challenge(conn, AUTHKEY)
            while True:
                conn.send(conn.recv())
        except (EOFError, OSError, AuthenticationError) as exc:
            print("client gone:", type(exc).__name__, exc)


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client,), daemon=True).start()
