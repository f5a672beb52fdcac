"""XML-RPC server on Twisted: serve(host, port).

twisted.web.xmlrpc.XMLRPC is a twisted.web resource that publishes its ``xmlrpc_*`` methods;
addIntrospection() adds Twisted's own ``system.listMethods``, ``system.methodHelp`` and
``system.methodSignature`` sub-handler (Twisted has no ``system.multicall``).  The resource
is a leaf (it takes every path below it), so it is mounted twice under a plain Resource, at
``/`` (the child named b"") and at ``/RPC2``; any other path is the plain Resource's
NoResource, a 404.  Served by twisted.web.server.Site on the default (epoll) reactor: one
thread, one event loop; a request body is read by the reactor (to a temporary file past
100 kB) before render_POST parses it.
"""

from twisted.internet import reactor
from twisted.web import resource, server, xmlrpc


class Adder(xmlrpc.XMLRPC):
    def xmlrpc_add(self, x, y):
        """Return x + y."""
        return x + y


def serve(host, port):
    rpc = Adder()
    xmlrpc.addIntrospection(rpc)
    root = resource.Resource()
    root.putChild(b"", rpc)
    root.putChild(b"RPC2", rpc)
    # listenTCP's port sets SO_REUSEADDR on POSIX.
    reactor.listenTCP(port, server.Site(root), interface=host)
    reactor.run()
