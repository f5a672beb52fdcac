"""UDP servers on gevent's DatagramServer: serve_echo(host, port), serve_time(host, port).

gevent.server.DatagramServer reads each datagram on gevent's hub and runs handle(data,
address) in a greenlet of its own; handle() answers with self.socket.sendto() on the server's
socket (from the server's address).  DatagramServer.do_read() reads with recvfrom(8192),
which cuts a longer datagram short, so this subclass reads up to 65,535 bytes (the same
method with a larger buffer).
"""

import time
from errno import EWOULDBLOCK

from gevent.server import DatagramServer


class Server(DatagramServer):
    def do_read(self):
        try:
            return self._socket.recvfrom(65535)
        except OSError as err:
            if err.args[0] == EWOULDBLOCK:
                return None
            raise


class Echo(Server):
    def handle(self, data, address):
        self.socket.sendto(data, address)


class Time(Server):
    def handle(self, data, address):
        self.socket.sendto(time.ctime().encode("ascii"), address)


def serve_echo(host, port):
    Echo((host, port)).serve_forever()


def serve_time(host, port):
    Time((host, port)).serve_forever()
