"""Bad xmlrpc.server: no ``register_multicall_functions()``.

Bug: the student made the seed's server threaded and added
``register_introspection_functions()``, but not the multicall function: a client cannot
send several calls in one request, and ``system.multicall`` is answered with a Fault
(unknown method).  (It is not even in ``system.listMethods``, so that much is honest.)
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server'.
Must fail: xmlrpc.server/multicall (a SHOULD).  Everything else passes.
"""

import socketserver
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/", "/RPC2")

    def log_message(self, format, *args):
        pass


class ThreadedXMLRPCServer(socketserver.ThreadingMixIn, SimpleXMLRPCServer):
    daemon_threads = True


def add(x, y):
    return x + y


def serve(host, port):
    server = ThreadedXMLRPCServer((host, port), Handler, logRequests=False)
    server.register_function(add, "add")
    server.register_introspection_functions()
    # BUG: no server.register_multicall_functions()
    server.serve_forever()
