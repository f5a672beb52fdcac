"""Bad mpc.echo: ``recv_bytes(maxlength=1 << 20)``: a message over 1 MiB is refused.

Bug: the student echoes raw messages (``recv_bytes``/``send_bytes``: no need to unpickle
what is only sent back), and caps them "so that nobody can make the server allocate
gigabytes": ``recv_bytes(maxlength=1 << 20)``.  A longer message is not echoed:
``recv_bytes`` raises OSError("bad message length") as soon as it has read the length,
and the connection is closed with the rest of the message unread.  Every smaller message
is echoed intact.
Seed: 004 'Communicating between Interpreters', with ``recv_bytes``/``send_bytes`` and a
thread per client with the handshake in it (000 'Threaded Server').
Must fail: mpc.echo/round-trip[8-MiB-bytes].  Everything else passes.
"""

import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge

MAX_MESSAGE = 1 << 20  # BUG: the role's messages go up to 8 MiB


def echo_client(conn, authkey):
    with conn:
        try:
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            while True:
                conn.send_bytes(conn.recv_bytes(maxlength=MAX_MESSAGE))
        except (EOFError, OSError, AuthenticationError) as exc:
            print("client gone:", type(exc).__name__, exc, flush=True)


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client, authkey), daemon=True).start()
