"""Bad xmlrpc.server: big ints sent as ``<i8>`` instead of a Fault.

Bug: ``add(2147483647, 1)`` came back as a Fault "OverflowError: int exceeds XML-RPC
limits", which the student took for a limitation to work around: an answer online says
many servers send 64-bit ints as ``<i8>`` (Apache's extension), and Python's client reads
them.  So the student replaced the marshaller's int writer, and the overflow is gone.  But
``<i8>`` is not XML-RPC: its ints are 32-bit, and a client that keeps to the specification
cannot read the answer.  The Fault was right.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/faults[unrepresentable-result].  Everything else passes.
"""

import socketserver
import xmlrpc.client
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


def dump_int_or_i8(marshaller, value, write):
    if xmlrpc.client.MININT <= value <= xmlrpc.client.MAXINT:
        write(f"<value><int>{value}</int></value>\n")
    else:
        write(f"<value><i8>{value}</i8></value>\n")  # BUG: not XML-RPC; the Fault was right


xmlrpc.client.Marshaller.dispatch[int] = dump_int_or_i8


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
    server.register_multicall_functions()
    server.serve_forever()
