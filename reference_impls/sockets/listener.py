"""The listening socket every server here starts from."""

import socket


def listen(host, port, backlog=128):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Restart at once even while old connections on this port sit in TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(backlog)
    return sock
