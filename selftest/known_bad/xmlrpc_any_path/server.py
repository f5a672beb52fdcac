"""Bad xmlrpc.server: ``rpc_paths = ()``, so every path is an XML-RPC endpoint.

Bug: a client configured with ``http://host:8000/xmlrpc`` got 404, and the student found
that an empty ``rpc_paths`` makes ``SimpleXMLRPCRequestHandler`` accept every path ("if
rpc_paths is empty, just assume all paths are legal").  Now a call POSTed to any path at
all, a typo or a probe, is executed and answered with 200; the client that got the URL
wrong never learns it.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/unknown-path (a SHOULD).  Everything else passes.
"""

import socketserver
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ()  # BUG: empty means "every path"; another path should get 404

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
    server.register_multicall_functions()
    server.serve_forever()
