"""Bad xmlrpc.server: Content-Length counts characters, not bytes.

Bug: the hand-rolled handler builds the response with ``xmlrpc.client.dumps()``, which
returns a str, sends ``Content-Length: len(response)`` and then writes
``response.encode("utf-8")``.  For ASCII the two lengths agree, so ints, floats, faults and
"foobar" all work.  A non-ASCII result ("héllo 日本") is longer in UTF-8 bytes than in
characters: the client reads Content-Length bytes, gets the document cut short before
``</methodResponse>``, and cannot parse it.
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``register_function(add)`` and its Faults),
rewritten on 000 'A Simple Web Server' (``BaseHTTPRequestHandler``) and 'Threaded Server'
(``ThreadingHTTPServer``).
Must fail: xmlrpc.server/add[non-ascii-string].  Everything else passes.
"""

import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def add(x, y):
    return x + y


FUNCTIONS = {"add": add}


def call_method(name, params):
    if name == "system.listMethods":
        return [*sorted(FUNCTIONS), "system.listMethods", "system.multicall"]
    if name == "system.multicall":
        results = []
        for c in params[0]:
            try:
                results.append([call_method(c["methodName"], c["params"])])
            except Exception as exc:
                results.append({"faultCode": 1, "faultString": f"{type(exc).__name__}: {exc}"})
        return results
    if name not in FUNCTIONS:
        raise LookupError(f"no method {name!r}")
    return FUNCTIONS[name](*params)


class RPCHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path not in ("/", "/RPC2"):
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        try:
            params, method = xmlrpc.client.loads(body)
            response = xmlrpc.client.dumps((call_method(method, params),), methodresponse=True)
        except Exception as exc:
            response = xmlrpc.client.dumps(xmlrpc.client.Fault(1, f"{type(exc).__name__}: {exc}"))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(response)))  # BUG: characters, not bytes
        self.end_headers()
        self.wfile.write(response.encode("utf-8"))

    def log_message(self, format, *args):
        pass


def serve(host, port):
    server = ThreadingHTTPServer((host, port), RPCHandler)
    server.serve_forever()
