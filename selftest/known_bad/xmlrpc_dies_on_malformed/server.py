"""Bad xmlrpc.server: a select() loop whose XML parse error ends serve().

Bug: the student wrote XML-RPC over HTTP by hand in one event loop (``selectors``, one
buffer per connection), with ``try``/``except`` around the call of the method (an error in
add becomes a Fault, as XML-RPC says), but not around ``xmlrpc.client.loads(body)``.  A
body that is not XML, is cut short, has another root element or is empty raises
ExpatError or ResponseError out of the loop, out of ``serve()``: the server is gone for
everybody.  (A client that leaves mid-body is only a closed connection: its buffer is
dropped before anything is parsed.)
Seed: 000 'XML-RPC', 'Simple XML-RPC' (``add`` and its Faults), written as the student's
own server on 000 'Non-blocking Sockets' / ``select`` instead of ``SimpleXMLRPCServer``.
Must fail: xmlrpc.server/survives[not-xml], [truncated-xml], [wrong-root] and
[empty-body].  Everything else passes.
"""

import selectors
import socket
import xmlrpc.client


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


def http_response(status, body=b"", ctype="text/xml"):
    head = f"HTTP/1.0 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1") + body


def respond(request_line, headers, body):
    """The bytes to send back for one complete request."""
    method, path, _ = request_line.split(" ", 2)
    if method != "POST":
        return http_response("501 Not Implemented", b"POST only\n", "text/plain")
    if path not in ("/", "/RPC2"):
        return http_response("404 Not Found", b"no such path\n", "text/plain")
    params, name = xmlrpc.client.loads(body)  # BUG: a malformed body raises out of serve()
    try:
        result = xmlrpc.client.dumps((call_method(name, params),), methodresponse=True)
    except Exception as exc:
        result = xmlrpc.client.dumps(xmlrpc.client.Fault(1, f"{type(exc).__name__}: {exc}"))
    return http_response("200 OK", result.encode("utf-8"))


def parse_head(data):
    """(request line, headers, body start) once the blank line is in, else None."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = data[:end].decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    return lines[0], headers, end + 4


def serve(host, port):
    sel = selectors.DefaultSelector()
    listener = socket.create_server((host, port))
    listener.setblocking(False)
    sel.register(listener, selectors.EVENT_READ)
    inbox = {}  # connection -> bytes received so far
    heads = {}  # connection -> its parsed request head, once the blank line is in
    outbox = {}  # connection -> bytes still to send
    while True:
        for key, _ in sel.select():
            sock = key.fileobj
            if sock is listener:
                conn, _ = listener.accept()
                conn.setblocking(False)
                inbox[conn] = bytearray()
                sel.register(conn, selectors.EVENT_READ)
            elif sock in outbox:
                try:
                    sent = sock.send(outbox[sock])
                except BlockingIOError:
                    sent = 0
                except OSError:  # the client went away: nothing more to send
                    sent = len(outbox[sock])
                outbox[sock] = outbox[sock][sent:]
                if not outbox[sock]:
                    del outbox[sock]
                    sel.unregister(sock)
                    sock.close()
            else:
                try:
                    chunk = sock.recv(65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    del inbox[sock]
                    heads.pop(sock, None)
                    sel.unregister(sock)
                    sock.close()
                    continue
                inbox[sock] += chunk
                if sock not in heads:
                    head = parse_head(inbox[sock])
                    if head is None:
                        continue
                    heads[sock] = head
                request_line, headers, start = heads[sock]
                length = int(headers.get("content-length", "0"))
                if len(inbox[sock]) - start < length:
                    continue
                body = bytes(inbox.pop(sock)[start : start + length])
                del heads[sock]
                outbox[sock] = respond(request_line, headers, body)
                sel.modify(sock, selectors.EVENT_WRITE)
