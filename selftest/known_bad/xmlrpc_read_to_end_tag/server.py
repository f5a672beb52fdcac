"""Bad xmlrpc.server: the body is read until ``</methodCall>`` (or EOF), not by Content-Length.

Bug: the student copied ``SimpleXMLRPCRequestHandler.do_POST`` to change how the body is
read: "a call ends with ``</methodCall>``: read until it comes (or the client closes)", with
no need to trust Content-Length.  Calls made by a real client pass, since they end with
that tag.  A body that does not - not XML at all, a truncated document, another root
element, an empty body - is complete by its Content-Length, but the handler waits for a
tag that never comes, and the client for an answer that never comes.  (The server is
threaded, so only that client hangs, and the thread ends when it leaves.)
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/survives[not-xml], [truncated-xml], [wrong-root] and [empty-body].
Everything else passes.
"""

import socketserver
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/", "/RPC2")

    def do_POST(self):
        if not self.is_rpc_path_valid():
            self.report_404()
            return
        # BUG: reads to the closing tag, ignoring Content-Length; a body without it never ends
        data = bytearray()
        while True:
            chunk = self.rfile.read1(65536)
            data += chunk
            if not chunk or data[-64:].rstrip().endswith(b"</methodCall>"):
                break
        response = self.server._marshaled_dispatch(
            data, getattr(self, "_dispatch", None), self.path
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(response)))
        self.end_headers()
        self.wfile.write(response)
        self.wfile.flush()

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
