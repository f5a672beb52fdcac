"""Bad mpc.echo: one message per connection: recv(), send(), close.

Bug: the handler is written like a request handler: it receives one object, sends it back
and closes the connection, with no loop around the ``recv()``/``send()``.  A client that
sends one object per connection (every round trip of the suite) is served; the seed's own
client session, which sends 'hello', then 42, then a list over the same connection, gets
its first echo and then a closed connection.  Messages sent back to back are refused after
the first (the close, with them unread, resets the connection).
Seed: 004 'Communicating between Interpreters' (``msg = conn.recv()``, ``conn.send(msg)``)
without its ``while True``; a thread per client with the handshake in it (000 'Threaded
Server').
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
            msg = conn.recv()  # BUG: one message, then the connection is closed
            conn.send(msg)
        except (EOFError, OSError, AuthenticationError):
            pass


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client, authkey), daemon=True).start()
