"""mpc.echo on multiprocess's own multiprocessing.connection Listener: serve(host, port, authkey).

multiprocess.connection.Listener((host, port), authkey=authkey) listens on TCP; its accept()
accepts a socket and runs the HMAC challenge both ways (deliver_challenge, then
answer_challenge) before it returns the Connection, so nothing from a peer is unpickled
until it has proved it knows the key.  A peer that fails or breaks off the handshake makes
accept() raise (AuthenticationError, EOFError, OSError, or an AssertionError from
answer_challenge for a message that is not a challenge answer); the loop drops that peer
and accepts the next.  Each authenticated Connection gets a thread that sends back every
object it receives (recv() unpickles with multiprocess's pickler, send() pickles with it) until
the peer goes away.
"""

import threading

from multiprocess.connection import Listener


def _echo(conn):
    with conn:
        while True:
            try:
                obj = conn.recv()
            except Exception:
                # EOFError (the peer closed, also mid-message), OSError, or an object that
                # cannot be unpickled: this connection is over.
                return
            try:
                conn.send(obj)
            except Exception:
                return


def serve(host, port, authkey):
    with Listener((host, port), authkey=authkey) as listener:
        while True:
            try:
                conn = listener.accept()
            except Exception:
                continue
            threading.Thread(target=_echo, args=(conn,), daemon=True).start()
