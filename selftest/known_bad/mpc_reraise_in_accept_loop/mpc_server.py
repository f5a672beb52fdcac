"""Bad mpc.echo: a client's exception is raised again in the accept loop, which ends.

Bug: the clients run in a ``ThreadPoolExecutor``, and the accept loop tidies up the
finished ones with ``future.result()`` - which returns the handler's result, or raises
the exception the handler raised.  The handler catches what the student had seen:
EOFError (a client that leaves), ConnectionError (a reset) and AuthenticationError (a
wrong key).  A client that disconnects in the middle of a message raises a plain OSError
("got end of file during message"), and a message that is not a pickle an
UnpicklingError; either ends that client's thread, and at the next ``accept()`` the loop
raises it again, out of ``serve()``: the whole server exits, with the next client already
connected.
Seed: 004 'Communicating between Interpreters' (``except EOFError`` around the echo
loop), 000 'Threaded Server' as a thread pool, the handshake in each client's thread.
Must fail: mpc.echo/survives-disconnects[mid-message].  Everything else passes
([during-large-echo] raises ConnectionError, which the handler catches).
"""

from concurrent.futures import ThreadPoolExecutor
from multiprocessing import AuthenticationError
from multiprocessing.connection import Listener, answer_challenge, deliver_challenge


def echo_client(conn, authkey):
    with conn:
        try:
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            while True:
                conn.send(conn.recv())
        except (EOFError, ConnectionError, AuthenticationError):
            pass


def serve(host, port, authkey):
    serv = Listener((host, port))  # the handshake is done in each client's thread
    pool = ThreadPoolExecutor(max_workers=64)
    clients = []
    while True:
        conn = serv.accept()
        for done in [f for f in clients if f.done()]:
            clients.remove(done)
            done.result()  # BUG: raises the handler's exception here, out of serve()
        clients.append(pool.submit(echo_client, conn, authkey))
