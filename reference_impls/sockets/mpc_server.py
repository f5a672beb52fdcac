"""mpc.echo on raw sockets and threads: ``multiprocessing.connection``'s protocol, written out.

What ``Listener(address, authkey=key)`` and ``Client(address, authkey=key)`` (CPython 3.11,
Lib/multiprocessing/connection.py) put on a TCP connection:

Framing.  Every message is a frame: its length as a 4-byte big-endian signed integer, then
that many bytes.  A message longer than 2**31 - 1 bytes has -1 there instead, then its length
as an 8-byte big-endian unsigned integer.  ``send(obj)`` sends ``pickle.dumps(obj)`` as one
frame; ``recv()`` reads one frame and returns ``pickle.loads()`` of it.

Handshake.  Before any object, each side proves to the other that it knows the key, without
sending it: an HMAC of a random challenge, keyed with it.

1. server: ``#CHALLENGE#`` followed by 20 random bytes;
2. client: HMAC-MD5(key, those 20 bytes), 16 bytes;
3. server: ``#WELCOME#``, or ``#FAILURE#`` and the end of the connection (the client raises
   AuthenticationError);
4.-6. the same again the other way round: the client challenges, the server answers, the
   client says ``#WELCOME#`` or ``#FAILURE#``.

During the handshake a frame may hold at most 256 bytes.  Python 3.12 and later add a digest
name: their challenge is ``#CHALLENGE#{sha256}`` and random bytes, answered with
``{sha256}`` and the HMAC-SHA256 of everything after ``#CHALLENGE#``.  They still answer a
challenge without a digest name (this server's, as 3.11's) with a plain HMAC-MD5, or with
``{sha256}...`` where MD5 is unavailable; both are accepted here, and a client's challenge
is answered in the form it was asked in.

Safety.  ``pickle.loads()`` can run any code the sender wants (``__reduce__``), so nothing
from a peer is unpickled until both halves of the handshake have succeeded: until then
frames are only compared, never loaded.  The handshake runs in the client's own thread,
under HANDSHAKE_TIMEOUT: a client that connects and never answers holds one thread for a
while, never the accept loop.  HMACs are compared with ``hmac.compare_digest()`` (3.11
compares with ``==``, whose time depends on how many leading bytes are right).
"""

from __future__ import annotations

import hmac
import os
import pickle
import re
import socket
import struct
import threading

from listener import listen

CHALLENGE = b"#CHALLENGE#"
WELCOME = b"#WELCOME#"
FAILURE = b"#FAILURE#"
NONCE_LENGTH = 20  # random bytes in a challenge, as in 3.11
MD5_LENGTH = 16  # bytes in an HMAC-MD5
HANDSHAKE_FRAME_LIMIT = 256  # bytes, as in 3.11: a handshake frame is small
HANDSHAKE_TIMEOUT = 10.0  # seconds a client has to authenticate
MAX_MESSAGE = 256 * 1024 * 1024  # bytes: an authenticated client still may not exhaust memory
# Digest names a 3.12+ peer may put in braces (its _ALLOWED_DIGESTS); md5 is the legacy one.
DIGESTS = frozenset({"md5", "sha256", "sha384", "sha3_256", "sha3_384"})
PREFIXED = re.compile(rb"\{([a-z0-9_]{1,20})\}(.*)", re.DOTALL)


class ProtocolError(Exception):
    """The peer broke the protocol: a frame too long, a negative length."""


def serve(host: str, port: int, authkey: bytes) -> None:
    server = listen(host, port)
    while True:
        conn, _addr = server.accept()
        threading.Thread(target=serve_client, args=(conn, authkey), daemon=True).start()


def serve_client(conn: socket.socket, authkey: bytes) -> None:
    with conn:
        try:
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conn.settimeout(HANDSHAKE_TIMEOUT)
            if not authenticate(conn, authkey):
                return  # nothing it sent was unpickled
            conn.settimeout(None)  # authenticated: it may idle as long as it likes
            while (frame := recv_frame(conn, MAX_MESSAGE)) is not None:
                send_frame(conn, pickle.dumps(pickle.loads(frame)))
        except Exception:
            # A disconnect mid-message, a reset, a timeout, a frame too long, a pickle that
            # does not load (or does not dump again): this connection is over, not the server.
            pass


def authenticate(conn: socket.socket, authkey: bytes) -> bool:
    """Both halves of the handshake, the server's side; True when the client knows the key."""
    nonce = os.urandom(NONCE_LENGTH)
    send_frame(conn, CHALLENGE + nonce)
    response = recv_frame(conn, HANDSHAKE_FRAME_LIMIT)
    if response is None:
        return False
    if not verify(authkey, nonce, response):
        send_frame(conn, FAILURE)
        return False
    send_frame(conn, WELCOME)

    challenge = recv_frame(conn, HANDSHAKE_FRAME_LIMIT)
    if challenge is None or not challenge.startswith(CHALLENGE):
        return False
    send_frame(conn, answer(authkey, challenge[len(CHALLENGE) :]))
    return recv_frame(conn, HANDSHAKE_FRAME_LIMIT) == WELCOME


def verify(authkey: bytes, nonce: bytes, response: bytes) -> bool:
    """Is ``response`` an HMAC of ``nonce`` under ``authkey``: plain MD5, or ``{name}mac``?"""
    # By length, as 3.12 does: 16 bytes is a plain HMAC-MD5, whose random bytes could begin
    # with "{name}"; every prefixed response is longer.
    digest, mac = "md5", response
    if len(response) != MD5_LENGTH:
        match = PREFIXED.fullmatch(response)
        if not match or match[1].decode("ascii") not in DIGESTS:
            return False
        digest, mac = match[1].decode("ascii"), match[2]
    return hmac.compare_digest(hmac.digest(authkey, nonce, digest), mac)


def answer(authkey: bytes, message: bytes) -> bytes:
    """The response to the client's challenge, ``message`` being what follows #CHALLENGE#."""
    match = PREFIXED.fullmatch(message)
    if len(message) != NONCE_LENGTH and match and match[1].decode("ascii") in DIGESTS:
        # 3.12+: the HMAC covers the whole message, "{name}" too, and the answer names it.
        digest = match[1].decode("ascii")
        return b"{%s}%s" % (digest.encode("ascii"), hmac.digest(authkey, message, digest))
    return hmac.digest(authkey, message, "md5")  # 3.11: 20 random bytes, plain HMAC-MD5


def recv_exactly(conn: socket.socket, size: int) -> bytes | None:
    """``size`` bytes; None on EOF before the first; ConnectionError on EOF after it."""
    buffer = bytearray()
    while len(buffer) < size:
        data = conn.recv(min(size - len(buffer), 1024 * 1024))
        if not data:
            if not buffer:
                return None
            raise ConnectionError("the connection ended inside a message")
        buffer += data
    return bytes(buffer)


def recv_frame(conn: socket.socket, limit: int) -> bytes | None:
    """One message's bytes; None when the peer closed cleanly between messages."""
    header = recv_exactly(conn, 4)
    if header is None:
        return None
    (size,) = struct.unpack("!i", header)
    if size == -1:  # a long message: the real length follows, 8 bytes
        long_header = recv_exactly(conn, 8)
        if long_header is None:
            raise ConnectionError("the connection ended inside a message header")
        (size,) = struct.unpack("!Q", long_header)
    if size < 0:
        raise ProtocolError(f"negative message length {size}")
    if size > limit:  # refused before it is read, or memory is allocated for it
        raise ProtocolError(f"a message of {size} bytes, the limit is {limit}")
    if size == 0:
        return b""
    data = recv_exactly(conn, size)
    if data is None:
        raise ConnectionError("the connection ended inside a message")
    return data


def send_frame(conn: socket.socket, data: bytes) -> None:
    size = len(data)
    header = struct.pack("!i", size) if size <= 0x7FFFFFFF else struct.pack("!iQ", -1, size)
    if size <= 64 * 1024:
        conn.sendall(header + data)  # one send: no copy worth avoiding
    else:
        conn.sendall(header)
        conn.sendall(data)
