"""Bad mpc.echo: ``Listener((host, port))`` without ``authkey``: there is no handshake.

Bug: the student tested with ``Client(address)`` and no key, which "just works", so the key
went from both ends: ``Listener(address)`` and the ``authkey`` argument is never used.
Without it ``accept()`` runs no challenge, and the first thing read from any peer is
unpickled: the security case's pickle creates its marker file (with ``os.system`` in it
instead it would run any command).  An honest client waits for the server's challenge,
which never comes, until its deadline, so every case that needs the handshake fails too.
Seed: 004 'Communicating between Interpreters' (``Listener(address, authkey=authkey)``)
without the authkey; a thread per client from 000 'Threaded Server'.
Must fail: every case (see impl.toml); the security case because the pickle is loaded, the
others because no challenge comes.
"""

import threading
from multiprocessing.connection import Listener


def echo_client(conn):
    with conn:
        try:
            while True:
                msg = conn.recv()
                conn.send(msg)
        except EOFError:
            print("Connection closed")


def serve(host, port, authkey):
    serv = Listener((host, port))  # BUG: no authkey=authkey, so no handshake
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client,), daemon=True).start()
