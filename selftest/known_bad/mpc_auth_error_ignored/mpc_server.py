"""Bad mpc.echo: a hand-rolled accept that catches AuthenticationError and serves anyway.

Bug: the student's own accept (a plain TCP socket, a ``Connection`` over it, and the
handshake called by hand, ``deliver_challenge`` then ``answer_challenge``, in the client's
thread) catches ``AuthenticationError`` to log it, "so that one bad client does not crash
anything" - and then carries on into the echo loop with the connection that just failed.
A client with the wrong key is still refused (it gets the failure message and gives up),
but a peer that sends anything at all as its digest is told FAILURE and then served: the
next thing it sends is unpickled.  Unpickling data from a peer that has not authenticated
is remote code execution.
Seed: 004 'Communicating between Interpreters' (what ``Listener(address,
authkey=authkey).accept()`` does, written out) with 000 'Threaded Server'.
Must fail: mpc.echo/no-unpickling-before-auth, all three: [after-wrong-digest], and
[immediately] and [after-challenge] as well (the pickle taken for a digest fails the
check, and the same pickle sent again is unpickled).  Everything else passes.
"""

import socket
import threading
from multiprocessing import AuthenticationError
from multiprocessing.connection import Connection, answer_challenge, deliver_challenge


def accept_client(client, addr, authkey):
    conn = Connection(client.detach())
    try:
        deliver_challenge(conn, authkey)
        answer_challenge(conn, authkey)
    except AuthenticationError as exc:
        print("authentication failed:", addr, exc, flush=True)  # BUG: and served anyway
    return conn


def echo_client(client, addr, authkey):
    with accept_client(client, addr, authkey) as conn:
        try:
            while True:
                conn.send(conn.recv())
        except (EOFError, OSError):
            pass


def serve(host, port, authkey):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(16)
    while True:
        client, addr = sock.accept()
        threading.Thread(target=echo_client, args=(client, addr, authkey), daemon=True).start()
