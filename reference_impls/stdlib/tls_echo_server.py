"""tls.echo on socketserver: the seed's SSLMixin (004 'Working with SSL'), done right.

The seed's mixin has four bugs, each fixed here:

1. It stores ``self._ca_certs = ca_certs``, but its parameter is named ``certs``: a
   NameError as soon as a server is constructed.
2. Its default ``cert_reqs=ssl.NONE`` names nothing (the constant is ``ssl.CERT_NONE``): an
   AttributeError when the class is defined.
3. ``ssl.wrap_socket()`` was deprecated in Python 3.7 and removed in 3.12.  The modern
   equivalent is an ``ssl.SSLContext`` made once (``PROTOCOL_TLS_SERVER``, which also refuses
   TLS below 1.2 since Python 3.10), loaded with ``load_cert_chain(certfile, keyfile)``,
   whose ``wrap_socket(sock, server_side=True)`` wraps each connection.
4. It runs the handshake in ``get_request()``, which is the accept loop: ThreadingMixIn only
   starts a thread after ``get_request()`` returns, so one client that connects and never
   sends its ClientHello stalls every other client.  Here ``get_request()`` only wraps the
   socket (no I/O) and the handshake runs in the client's own thread, under a timeout.
"""

import socketserver
import ssl
import sys

HANDSHAKE_TIMEOUT = 10.0  # a client that never finishes its handshake holds one thread


class SSLMixin:
    """Adds TLS to a socketserver TCP server.  ``cafile``: require client certificates
    issued by that CA (None: no client certificates asked for)."""

    def __init__(self, *args, certfile, keyfile, cafile=None, **kwargs):
        self.ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ssl_context.load_cert_chain(certfile, keyfile)
        if cafile:
            self.ssl_context.verify_mode = ssl.CERT_REQUIRED
            self.ssl_context.load_verify_locations(cafile)
        super().__init__(*args, **kwargs)

    def get_request(self):
        sock, addr = super().get_request()
        # No handshake here: this runs in the accept loop.
        return self.ssl_context.wrap_socket(
            sock, server_side=True, do_handshake_on_connect=False
        ), addr

    def finish_request(self, request, client_address):
        # With ThreadingMixIn this runs in the client's thread.
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            request.do_handshake()
        except OSError as exc:  # ssl.SSLError is an OSError; so is a timeout or a reset
            print(f"TLS handshake with {client_address} failed: {exc}", file=sys.stderr)
            return  # shutdown_request() closes the socket
        request.settimeout(None)
        super().finish_request(request, client_address)


class ThreadingTLSServer(SSLMixin, socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(65536)
            if not data:  # close_notify or EOF: the client is done
                break
            self.request.sendall(data)


def serve(host, port, certfile, keyfile, cafile=None):
    with ThreadingTLSServer(
        (host, port), EchoHandler, certfile=certfile, keyfile=keyfile, cafile=cafile
    ) as server:
        server.serve_forever()
