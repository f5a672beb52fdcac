"""Bad tls.echo: the SSLMixin done right, mixed into a plain (iterative) TCPServer.

Bug: socketserver.TCPServer runs one request at a time: while one client is connected
(even idle, even still in its handshake) the next ones wait in the listen backlog.  The
mixin itself is the reference's: the handshake runs in finish_request(), under a timeout.
Seed: 004 "Working with SSL" (SSLMixin) and "Using TCP" ("Single client request
(DEFAULT)": TCPServer instead of ThreadingTCPServer).
Must fail: tls.echo/second-client and concurrent-clients, and stalled-handshake (the
silent clients hold the only request in turn, 10 s each).
"""

import socketserver
import ssl


class SSLMixin:
    def __init__(self, *args, certfile, keyfile, cafile=None, **kwargs):
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certfile, keyfile)
        if cafile:
            self.context.verify_mode = ssl.CERT_REQUIRED
            self.context.load_verify_locations(cafile)
        super().__init__(*args, **kwargs)

    def finish_request(self, request, client_address):
        request.settimeout(10)  # a client that never finishes its handshake
        try:
            tls = self.context.wrap_socket(request, server_side=True)
        except OSError:
            return
        with tls:
            tls.settimeout(None)
            super().finish_request(tls, client_address)


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while msg := self.request.recv(8192):
            self.request.sendall(msg)


class TLSServer(SSLMixin, socketserver.TCPServer):
    allow_reuse_address = True
    request_queue_size = 128


def serve(host, port, certfile, keyfile, cafile=None):
    with TLSServer(
        (host, port), EchoHandler, certfile=certfile, keyfile=keyfile, cafile=cafile
    ) as server:
        server.serve_forever()
