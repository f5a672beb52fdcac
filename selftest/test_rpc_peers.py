"""The suite's XML-RPC and multiprocessing.connection peers: every wait has a deadline, and
the security case's payload does what it says and nothing more."""

from __future__ import annotations

import pickle
import socket
import threading
import time
from multiprocessing.connection import Listener

import pytest

from fixtures.mpcpeer import connect, exchange, frame, pickle_bomb
from fixtures.xmlrpcpeer import call, proxy


@pytest.fixture
def silent_server():
    """Accepts connections and never sends a byte."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def test_mpc_handshake_with_a_silent_server_gives_up_in_time(silent_server):
    started = time.monotonic()
    with pytest.raises(OSError):
        connect(silent_server, b"key", 0.3)
    assert time.monotonic() - started < 1.0


def test_xmlrpc_call_to_a_silent_server_gives_up_in_time(silent_server):
    started = time.monotonic()
    outcome = call(proxy(*silent_server, "/", 0.3), "add", 1, 2)
    assert outcome.error == "no response within the deadline"
    assert time.monotonic() - started < 1.0


def test_mpc_peer_speaks_to_a_real_listener():
    with Listener(("127.0.0.1", 0), authkey=b"secret") as listener:

        def serve() -> None:
            with listener.accept() as conn:
                conn.send(conn.recv())

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        with connect(listener.address, b"secret", 2.0) as conn:
            echo = exchange(conn, {"a": [1, 2]})
        thread.join(2)
    assert echo.ok and echo.value == {"a": [1, 2]}


def test_pickle_bomb_only_touches_its_marker(tmp_path):
    marker = tmp_path / "marker"
    payload = pickle_bomb(marker)
    assert not marker.exists()
    pickle.loads(payload)
    assert marker.exists() and marker.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["marker"]
    assert frame(payload)[:4] == len(payload).to_bytes(4, "big")
