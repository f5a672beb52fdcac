"""Bad xmlrpc.server: ``add`` joins the two as text when ``x + y`` fails.

Bug: ``add("a", 1)`` raised TypeError and the client got a Fault; the student took the
Fault for the bug and made add forgiving: on TypeError it returns ``str(x) + str(y)``.  So
"a" + 1 is "a1", [1] + "b" is "[1]b": an error inside add never reaches the client, which
gets a wrong answer it cannot tell from a right one.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/faults[error-in-add].  Everything else passes (numbers, strings
and arrays add without a TypeError).
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
    try:
        return x + y
    except TypeError:  # BUG: "be forgiving": the error should reach the client as a Fault
        return str(x) + str(y)


def serve(host, port):
    server = ThreadedXMLRPCServer((host, port), Handler, logRequests=False)
    server.register_function(add, "add")
    server.register_introspection_functions()
    server.register_multicall_functions()
    server.serve_forever()
