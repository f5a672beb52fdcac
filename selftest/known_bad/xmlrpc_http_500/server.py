"""Bad xmlrpc.server: a hand-rolled dispatcher that answers every error with HTTP 500.

Bug: the student skipped ``SimpleXMLRPCServer`` ("it is only loads, a dict lookup and
dumps") and wrote the dispatch in ``do_POST`` of an ``http.server`` handler.  Anything that
goes wrong, an unknown method, a wrong argument count, ``"a" + 1`` inside add, a result
``dumps()`` cannot marshal (``add(2147483647, 1)``: OverflowError), ends in
``send_error(500)``.  An XML-RPC client sees a ProtocolError, not a Fault it can catch and
read: the error has left XML-RPC.  (Inside system.multicall each call's error is a fault
struct, as the multicall convention describes, so that part is right.)
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``register_function(add)``), rewritten on 000 'A
Simple Web Server' (``BaseHTTPRequestHandler``) and 'Threaded Server'
(``ThreadingHTTPServer``).
Must fail: xmlrpc.server/faults (every case).  Everything else passes: a malformed body is
refused with 500 too, which is an HTTP error, and the server keeps serving.
"""

import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def add(x, y):
    return x + y


FUNCTIONS = {"add": add}


def list_methods():
    return [*sorted(FUNCTIONS), "system.listMethods", "system.multicall"]


def multicall(calls):
    results = []
    for c in calls:
        try:
            results.append([call_method(c["methodName"], c["params"])])
        except Exception as exc:
            results.append({"faultCode": 1, "faultString": f"{type(exc).__name__}: {exc}"})
    return results


def call_method(name, params):
    if name == "system.listMethods":
        return list_methods()
    if name == "system.multicall":
        return multicall(*params)
    return FUNCTIONS[name](*params)  # KeyError for an unknown method


class RPCHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path not in ("/", "/RPC2"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        try:
            params, method = xmlrpc.client.loads(body)
            result = call_method(method, params)
            response = xmlrpc.client.dumps((result,), methodresponse=True)
        except Exception as exc:
            self.send_error(500, f"{type(exc).__name__}: {exc}")  # BUG: should be a Fault
            return
        data = response.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


def serve(host, port):
    server = ThreadingHTTPServer((host, port), RPCHandler)
    server.serve_forever()
