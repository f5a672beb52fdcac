"""Bad tls.echo: the seed's SSLMixin, fixed only enough to run.

Bug: the handshake runs in get_request(), which is socketserver's accept loop:
ThreadingMixIn starts the client's thread only after get_request() has returned, so a
client that connects and never sends its ClientHello (or half of it) blocks every later
client in wrap_socket() until it goes away.
Seed: 004 "Working with SSL" (SSLMixin.get_request() wraps the client with
ssl.wrap_socket(..., server_side=True)).  Fixed here: ssl.NONE -> ssl.CERT_NONE, the
ca_certs/certs name mix-up, and ssl.wrap_socket() (removed in Python 3.12) -> an SSLContext.
Must fail: tls.echo/stalled-handshake only.  A failed handshake raises OSError out of
get_request(), which socketserver catches, so bad clients do not kill it.
"""

import socketserver
import ssl


class SSLMixin:
    def __init__(
        self, *args, keyfile=None, certfile=None, ca_certs=None, cert_reqs=ssl.CERT_NONE, **kwargs
    ):
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(certfile, keyfile)
        self._context.verify_mode = cert_reqs
        if ca_certs:
            self._context.load_verify_locations(ca_certs)
        super().__init__(*args, **kwargs)

    def get_request(self):
        client, addr = super().get_request()
        client_ssl = self._context.wrap_socket(client, server_side=True)
        return client_ssl, addr


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            msg = self.request.recv(8192)
            if not msg:
                break
            self.request.sendall(msg)


class SSLThreadingTCPServer(SSLMixin, socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128


def serve(host, port, certfile, keyfile, cafile=None):
    reqs = ssl.CERT_REQUIRED if cafile else ssl.CERT_NONE
    server = SSLThreadingTCPServer(
        (host, port),
        EchoHandler,
        keyfile=keyfile,
        certfile=certfile,
        ca_certs=cafile,
        cert_reqs=reqs,
    )
    server.serve_forever()
