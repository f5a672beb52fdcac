"""Bad mpc.echo: the echo is ``pickle.dumps(str(msg))``: every object comes back as a str.

Bug: the student wanted to log what came in and send "the same thing" back, so the handler
makes it text once, prints it and sends that: ``reply = str(msg)`` and
``conn.send_bytes(pickle.dumps(reply))`` (what ``send()`` does, written out).  A str
survives (``str("hello")`` is itself); everything else comes back as its repr: 42 as
"42", None as "None", ``[1, 2, 3]`` as "[1, 2, 3]", bytes as "b'...'" - and the suite's
own ``("still", "serving")`` check after its other cases as "('still', 'serving')".
Seed: 004 'Communicating between Interpreters' (``msg = conn.recv()``, ``conn.send(msg)``;
"objects are serialized using pickle"), a thread per client with the handshake in it
(000 'Threaded Server').
Must fail: every case whose echo is not a str (see impl.toml).  Passes round-trip[str],
[non-ascii-str] and both concurrent cases (their echo is the str "second client").
"""

import pickle
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge


def echo_client(conn, authkey):
    with conn:
        try:
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            while True:
                msg = conn.recv()
                reply = str(msg)  # BUG: the echo is the text of the object, not the object
                print("echo:", reply[:80], flush=True)
                conn.send_bytes(pickle.dumps(reply))
        except (EOFError, OSError, AuthenticationError):
            pass


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    while True:
        client = serv.accept()
        threading.Thread(target=echo_client, args=(client, authkey), daemon=True).start()
