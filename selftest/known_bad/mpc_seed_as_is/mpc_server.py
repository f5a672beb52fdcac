"""Bad mpc.echo: the seed's ``echo_server``, one client at a time.

Bug: the seed's loop calls ``echo_client(client)`` right after ``accept()``, in the same
thread, so while one client is connected nobody else is served: a second client waits in
the backlog for its challenge (``accept()`` runs the handshake, and it is not called again
until the first client has gone).  A silent client that never answers the challenge
holds ``accept()`` itself the same way.  Everything else in the seed is right: the authkey
handshake, ``except Exception`` around each client so that a failed one goes to the
traceback and the loop goes on.
The seed as printed does not compile: its ``except EOFError:`` is indented one level
deeper than its ``try:`` (a SyntaxError); here it is dedented to match, the only change
besides ``serve()`` calling ``echo_server()`` and the demo call going under ``__main__``.
Seed: 004 'Communicating between Interpreters' (``echo_client`` / ``echo_server``).
Must fail: mpc.echo/concurrent[authenticated] and [silent-before-auth].  Everything else
passes.
"""

import traceback
from multiprocessing.connection import Listener


def echo_client(conn):
    try:
        while True:
            msg = conn.recv()
            conn.send(msg)
    except EOFError:
        print("Connection closed")


def echo_server(address, authkey):
    serv = Listener(address, authkey=authkey)
    while True:
        try:
            client = serv.accept()
            echo_client(client)
        except Exception:
            traceback.print_exc()


def serve(host, port, authkey):
    echo_server((host, port), authkey)


if __name__ == "__main__":
    echo_server(("", 25000), authkey=b"peekaboo")
