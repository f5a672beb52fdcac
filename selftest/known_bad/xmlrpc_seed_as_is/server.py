"""Bad xmlrpc.server: the seed's ``SimpleXMLRPCServer``, as it is.

Bug: nothing was changed from the seed: ``SimpleXMLRPCServer((host, port))``,
``register_function(add, "add")``, ``serve_forever()``.  What the stdlib does is right for
every MUST (a Fault for every error, 501 for GET, 404 for another path, a malformed body
answered with a Fault).  What the seed leaves out are the SHOULDs:
- ``SimpleXMLRPCServer`` serves one connection at a time: while a client holds an
  unfinished request open, the server waits in its ``read()`` and nobody else is answered.
- No ``register_introspection_functions()``: ``system.listMethods`` is an unknown method.
- No ``register_multicall_functions()``: ``system.multicall`` is an unknown method.
(It logs every request to stderr, which is only noise.)
Seed: 000 'XML-RPC', 'Simple XML-RPC'.
Must fail: xmlrpc.server/concurrent, /introspection and /multicall (all SHOULD).
Everything else passes.
"""

from xmlrpc.server import SimpleXMLRPCServer


def add(x, y):
    return x + y


def serve(host, port):
    server = SimpleXMLRPCServer((host, port))
    server.register_function(add, "add")
    server.serve_forever()
