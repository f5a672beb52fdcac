"""Bad xmlrpc.server: ``rpc_paths = ("/",)``, so /RPC2 gets 404.

Bug: the documentation's example restricts the handler to one path
(``rpc_paths = ('/RPC2',)``); the student's own client called ``http://localhost:8000``, so
the one path became "/".  Calls to /RPC2, the path many XML-RPC clients use by default and
the one ``SimpleXMLRPCServer`` serves out of the box, are now refused with 404.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/paths[/RPC2].  Everything else passes.
"""

import socketserver
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/",)  # BUG: /RPC2 is an XML-RPC path too

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
