"""Echo server on Twisted: serve(host, port).

A twisted.internet.protocol.Protocol that writes back whatever dataReceived() gets, on the
default (epoll) reactor: one thread, one event loop.  It also provides
IHalfCloseableProtocol, so when the client half-closes Twisted calls readConnectionLost()
(instead of dropping the whole connection) and the protocol calls loseConnection(), which
closes after the transport has written everything still buffered.  A client that never
reads only makes its transport buffer the echo in memory; the reactor keeps serving others.
"""

from twisted.internet import reactor
from twisted.internet.interfaces import IHalfCloseableProtocol
from twisted.internet.protocol import Factory, Protocol
from zope.interface import implementer


@implementer(IHalfCloseableProtocol)
class Echo(Protocol):
    def dataReceived(self, data):
        self.transport.write(data)

    def readConnectionLost(self):
        self.transport.loseConnection()

    def writeConnectionLost(self):
        self.transport.loseConnection()


def serve(host, port):
    factory = Factory.forProtocol(Echo)
    # listenTCP's port sets SO_REUSEADDR on POSIX.
    reactor.listenTCP(port, factory, interface=host)
    reactor.run()
