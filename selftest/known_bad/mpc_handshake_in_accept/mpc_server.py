"""Bad mpc.echo: a thread per client, but the handshake still runs in the accept loop.

Bug: ``Listener(address, authkey=authkey).accept()`` does the whole challenge-response
before it returns, in the thread that called it.  Handing the connection to a thread
afterwards makes authenticated clients concurrent, but a client that connects and never
answers the challenge keeps the accept loop inside ``accept()`` until it goes away (no
timeout), and every client behind it waits in the backlog for a challenge.
Seed: 004 'Communicating between Interpreters' (``Listener(address, authkey=authkey)``)
with 000 'Threaded Server' (``threading.Thread(target=handle_client, args=(conn,))`` after
``accept()``).
Must fail: mpc.echo/concurrent[silent-before-auth].  Everything else passes.
"""

import threading
import traceback
from multiprocessing.connection import Listener


def echo_client(conn):
    with conn:
        try:
            while True:
                msg = conn.recv()
                conn.send(msg)
        except (EOFError, OSError):
            pass


def serve(host, port, authkey):
    serv = Listener((host, port), authkey=authkey)
    while True:
        try:
            client = serv.accept()  # BUG: the handshake happens here, in the accept loop
        except Exception:
            traceback.print_exc()
            continue
        threading.Thread(target=echo_client, args=(client,), daemon=True).start()
