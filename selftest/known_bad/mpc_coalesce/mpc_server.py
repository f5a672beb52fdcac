"""Bad mpc.echo: the messages waiting are read with ``recv_bytes`` and sent back as one.

Bug: "an echo server need not unpickle anything", so the handler reads raw messages with
``recv_bytes()``, and, to send fewer packets, collects whatever else has arrived within a
moment (``conn.poll(0.1)``) and sends it all in one ``send_bytes(b"".join(batch))``.  A
lone message comes back intact, but several sent before any reply come back as a single
message holding their pickles one after the other: ``recv()`` unpickles the first and the
rest are gone.  This is the low-level socket habit (a stream of bytes) the seed contrasts
with: "messages are kept intact (each object sent using send() is received in its
entirety with recv())".
Seed: 004 'Communicating between Interpreters', with ``recv_bytes``/``send_bytes`` and a
thread per client with the handshake in it (000 'Threaded Server').
Must fail: mpc.echo/one-message-per-recv.  Everything else passes.
"""

import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge


def echo_client(conn, authkey):
    with conn:
        try:
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            while True:
                batch = [conn.recv_bytes()]
                while conn.poll(0.1):  # anything else already on its way?
                    batch.append(conn.recv_bytes())
                conn.send_bytes(b"".join(batch))  # BUG: several messages sent as one
        except (EOFError, OSError, AuthenticationError):
            pass


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client, authkey), daemon=True).start()
