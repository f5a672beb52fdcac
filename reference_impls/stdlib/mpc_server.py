"""mpc.echo: the seed's ``multiprocessing.connection`` echo server (Listener with authkey).

The seed makes ``Listener(address, authkey=...)``, then ``conn = listener.accept()``, prints
the peer's address, and echoes ``conn.recv()`` with ``conn.send()`` until the client leaves.
Changed here, each for a reason:

- Each client is served in its own thread: the seed serves one client at a time.
- The handshake runs in that thread too.  ``Listener.accept()`` (CPython 3.11) accepts the
  socket and then, still inside ``accept()``, runs ``deliver_challenge()`` and
  ``answer_challenge()``, which block reading the client's answers.  In an accept loop, one
  client that connects and never answers stalls every other client, forever: the
  connection has no timeout.  So the listener here is a ``Listener`` without authkey, whose
  ``accept()`` only accepts, and each client's thread runs the same two functions itself,
  under HANDSHAKE_TIMEOUT, before its first ``recv()``.  Nothing a peer sends is unpickled
  until both have succeeded: ``recv()`` unpickles, and a pickle can run any code.
- A wrong authkey (``AuthenticationError``), a client that disconnects before
  authenticating or mid-message (``EOFError``, ``OSError``), or a message that does not
  unpickle ends that client's connection and thread, not the server.
- Every client authenticates, even with an empty authkey: ``Listener`` takes ``b""`` for "no
  authentication" (``if self._authkey:``) while ``Client`` still runs the handshake with it.
- Nothing is printed per connection.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from multiprocessing.connection import (
    AuthenticationError,
    Connection,
    Listener,
    answer_challenge,
    deliver_challenge,
)

HANDSHAKE_TIMEOUT = 10.0  # seconds a client has to authenticate


def serve(host: str, port: int, authkey: bytes) -> None:
    # No authkey here on purpose: see the module docstring.  backlog: Listener's default is 1.
    with Listener((host, port), backlog=128) as listener:
        while True:
            try:
                conn = listener.accept()
            except ConnectionError:
                continue  # the client reset before accept(): nothing to serve
            except OSError:  # out of file descriptors, say: wait for some to be freed
                time.sleep(0.1)
                continue
            threading.Thread(target=serve_client, args=(conn, authkey), daemon=True).start()


def serve_client(conn: Connection, authkey: bytes) -> None:
    with conn:
        try:
            set_receive_timeout(conn, HANDSHAKE_TIMEOUT)
            # What Listener.accept() does with an authkey, in this order.
            deliver_challenge(conn, authkey)
            answer_challenge(conn, authkey)
            set_receive_timeout(conn, 0)  # authenticated: it may idle as long as it likes
        except (AuthenticationError, EOFError, OSError, AssertionError):
            # A wrong key, a disconnect, a timeout (BlockingIOError), or not a challenge
            # (answer_challenge checks with assert): never authenticated, nothing unpickled.
            return
        try:
            while True:
                conn.send(conn.recv())
        except EOFError:
            pass  # the client closed between messages
        except Exception:
            # Cut off mid-message (OSError), reset, or a message that does not unpickle or
            # re-pickle: this connection is over, the server is not.
            pass


def set_receive_timeout(conn: Connection, seconds: float) -> None:
    """SO_RCVTIMEO on the connection's socket: a Connection reads with os.read(), blocking,
    and has no timeout of its own; with this a read that waits too long fails (EAGAIN)."""
    # fromfd() duplicates the descriptor; the option belongs to the socket both refer to.
    with socket.fromfd(conn.fileno(), socket.AF_INET, socket.SOCK_STREAM) as sock:
        whole = int(seconds)
        timeval = struct.pack("ll", whole, int((seconds - whole) * 1_000_000))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeval)
