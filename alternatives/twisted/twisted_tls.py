"""TLS on Twisted: tls.echo ``serve(host, port, certfile, keyfile, cafile)`` and tls.client
``fetch(host, port, request, cafile, server_hostname, timeout)``.  Twisted's TLS runs on
pyOpenSSL (twisted[tls]: pyOpenSSL, service_identity).

serve: twisted_echo's Echo protocol under reactor.listenSSL() with a CertificateOptions: the
first certificate of certfile, keyfile's key, the rest of certfile as extraCertChain; with
cafile, trustRoot=that CA (which turns on verify and requireCertificate).  The TLS layer
(TLSMemoryBIOProtocol) runs each handshake on the reactor, record by record, so a client
that never finishes its own holds up no one.  On the client's close_notify the TLS layer
answers with its own and closes the connection after the echo already written.

fetch: connectProtocol() over wrapClientTLS(optionsForClientTLS(server_hostname,
trustRoot=the CA), HostnameEndpoint(host, port)).  optionsForClientTLS verifies
server_hostname with service_identity: a DNS name is sent as SNI and matched against the DNS
SANs, an IP address is matched against the IP SANs and not sent.  The request is written at
connectionMade; the TLS layer holds it until the handshake (and the verification) succeeds.
The response ends at a clean close (ConnectionDone: the server's close_notify); anything
else, a failed verification among them, is raised.  Deferred.addTimeout() bounds the whole
call: the connect, the handshake and the wait for the server's close.
"""

import re

from twisted.internet import defer, endpoints, reactor, ssl
from twisted.internet.error import ConnectionDone
from twisted.internet.protocol import Factory, Protocol
from twisted.python.failure import Failure
from twisted_echo import Echo

PEM_CERT = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----\s*", re.S)


def _pems(path):
    with open(path, "rb") as f:
        return PEM_CERT.findall(f.read())


def _certificates(path):
    return [ssl.Certificate.loadPEM(pem) for pem in _pems(path)]


def serve(host, port, certfile, keyfile, cafile=None):
    leaf, *chain = _pems(certfile)
    with open(keyfile, "rb") as f:
        mine = ssl.PrivateCertificate.loadPEM(leaf + f.read())
    options = {}
    if cafile:
        options["trustRoot"] = ssl.trustRootFromCertificates(_certificates(cafile))
    context = ssl.CertificateOptions(
        privateKey=mine.privateKey.original,
        certificate=mine.original,
        extraCertChain=[ssl.Certificate.loadPEM(pem).original for pem in chain],
        **options,
    )
    reactor.listenSSL(port, Factory.forProtocol(Echo), context, interface=host)
    reactor.run()


class Collect(Protocol):
    def __init__(self, request):
        self.request = request
        self.chunks = []
        self.done = defer.Deferred(lambda _: self.transport.abortConnection())

    def connectionMade(self):
        self.transport.write(self.request)

    def dataReceived(self, data):
        self.chunks.append(data)

    def connectionLost(self, reason):
        if self.done.called:
            return
        if reason.check(ConnectionDone):
            self.done.callback(b"".join(self.chunks))
        else:
            self.done.errback(reason)


def fetch(host, port, request, cafile, server_hostname, timeout):
    options = ssl.optionsForClientTLS(
        server_hostname, trustRoot=ssl.trustRootFromCertificates(_certificates(cafile))
    )
    endpoint = endpoints.wrapClientTLS(options, endpoints.HostnameEndpoint(reactor, host, port))
    d = endpoints.connectProtocol(endpoint, Collect(request))
    d.addCallback(lambda protocol: protocol.done)
    d.addTimeout(timeout, reactor)
    outcome = []
    d.addBoth(outcome.append)
    d.addBoth(lambda _: reactor.stop())
    reactor.run()
    if isinstance(outcome[0], Failure):
        outcome[0].raiseException()
    return outcome[0]
