"""Bad xmlrpc.server: ``add`` checks its arguments and refuses arrays.

Bug: the student validates the input ("add is for numbers and strings") and raises
TypeError for anything else, before ``x + y`` is even tried.  But ``+`` on two lists
concatenates them, and XML-RPC arrays arrive as lists: ``add([1, "two"], [3.5])`` should be
``[1, "two", 3.5]``, and gets a Fault instead.  The check forbids a case the function
supports.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/add[array].  Everything else passes (a str and an int still pass
the check and fail in ``x + y``, as they should).
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
    for value in (x, y):
        if not isinstance(value, (int, float, str)):  # BUG: lists add up too
            raise TypeError(f"add() takes numbers or strings, not {type(value).__name__}")
    return x + y


def serve(host, port):
    server = ThreadedXMLRPCServer((host, port), Handler, logRequests=False)
    server.register_function(add, "add")
    server.register_introspection_functions()
    server.register_multicall_functions()
    server.serve_forever()
