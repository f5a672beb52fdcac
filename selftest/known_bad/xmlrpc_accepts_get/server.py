"""Bad xmlrpc.server: ``do_GET`` answers 200 with a friendly page.

Bug: opening http://localhost:8000/ in a browser gave "501 Unsupported method ('GET')",
which looked broken, so the student added a ``do_GET`` that answers 200 with a short page
("XML-RPC server running, POST your calls here").  XML-RPC is POST only: a GET is not a
call, and answering it with 200 tells a client (or a monitoring check, or a cache) that
the resource was fetched.  The 501 was the right answer.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``SimpleXMLRPCServer``, ``register_function(add)``),
threaded as in 'Threaded Server', with the introspection and multicall functions.
Must fail: xmlrpc.server/refuse-get[/] and [/RPC2].  Everything else passes.
"""

import socketserver
from xmlrpc.server import SimpleXMLRPCRequestHandler, SimpleXMLRPCServer

PAGE = b"<html><body><h1>XML-RPC server running</h1><p>POST your calls here.</p></body></html>\n"


class Handler(SimpleXMLRPCRequestHandler):
    rpc_paths = ("/", "/RPC2")

    def do_GET(self):  # BUG: a GET is not a call; it should get 501 (or 405)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

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
