"""An echo server built on the seed's EventHandler and select() event loop.

Each client keeps its own output buffer.  A client is read only while its buffer is below
OUTPUT_LIMIT, so one that sends without reading is slowed down (TCP flow control) instead of
stalling the loop or growing memory; sockets are non-blocking, so send() writes what fits and
the rest waits for the next "writable".
"""

import select
import socket

OUTPUT_LIMIT = 1024 * 1024


class EventHandler:
    def fileno(self):
        """Return the associated file descriptor"""
        raise NotImplementedError("must implement")

    def wants_to_receive(self):
        return False

    def handle_receive(self):
        pass

    def wants_to_send(self):
        return False

    def handle_send(self):
        pass


class EchoClient(EventHandler):
    def __init__(self, sock, handlers):
        sock.setblocking(False)
        self.sock, self.handlers = sock, handlers
        self.outgoing = bytearray()
        self.eof = False

    def fileno(self):
        return self.sock.fileno()

    def wants_to_receive(self):
        return not self.eof and len(self.outgoing) < OUTPUT_LIMIT

    def handle_receive(self):
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError:
            return self.close()
        if not data:
            self.eof = True
            if not self.outgoing:
                self.close()
            return
        self.outgoing += data

    def wants_to_send(self):
        return bool(self.outgoing)

    def handle_send(self):
        try:
            sent = self.sock.send(self.outgoing)
        except BlockingIOError:
            return
        except OSError:
            return self.close()
        del self.outgoing[:sent]
        if self.eof and not self.outgoing:
            self.close()

    def close(self):
        self.handlers.remove(self)
        self.sock.close()


class Acceptor(EventHandler):
    def __init__(self, host, port, handlers):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(1024)
        self.sock.setblocking(False)
        self.handlers = handlers

    def fileno(self):
        return self.sock.fileno()

    def wants_to_receive(self):
        return True

    def handle_receive(self):
        try:
            conn, _addr = self.sock.accept()
        except BlockingIOError:
            return
        self.handlers.append(EchoClient(conn, self.handlers))


def event_loop(handlers):
    while True:
        wants_recv = [h for h in handlers if h.wants_to_receive()]
        wants_send = [h for h in handlers if h.wants_to_send()]
        can_recv, can_send, _ = select.select(wants_recv, wants_send, [])
        for h in can_recv:
            if h in handlers:  # an earlier event may have closed it
                h.handle_receive()
        for h in can_send:
            if h in handlers:
                h.handle_send()


def serve(host, port):
    handlers = []
    handlers.append(Acceptor(host, port, handlers))
    event_loop(handlers)
