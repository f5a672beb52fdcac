"""UDP servers on Twisted: serve_echo(host, port) and serve_time(host, port).

A twisted.internet.protocol.DatagramProtocol on the default (epoll) reactor: every datagram
arrives in datagramReceived(data, addr) and is answered with transport.write(reply, addr) on
the same port, i.e. from the server's address.  listenUDP's default maxPacketSize is 8192
(a longer datagram would be cut short), so the port reads up to 65,535 bytes.
"""

import time

from twisted.internet import reactor
from twisted.internet.protocol import DatagramProtocol


class Echo(DatagramProtocol):
    def datagramReceived(self, data, addr):
        self.transport.write(data, addr)


class Time(DatagramProtocol):
    def datagramReceived(self, data, addr):
        self.transport.write(time.ctime().encode("ascii"), addr)


def _serve(protocol, host, port):
    reactor.listenUDP(port, protocol, interface=host, maxPacketSize=65535)
    reactor.run()


def serve_echo(host, port):
    _serve(Echo(), host, port)


def serve_time(host, port):
    _serve(Time(), host, port)
