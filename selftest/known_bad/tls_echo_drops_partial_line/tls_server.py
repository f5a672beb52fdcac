"""Bad tls.echo: the seed's line echo (StreamRequestHandler) that drops an unfinished line.

Bug: the handler reads with rfile.readline() and stops as soon as a line does not end in
a newline ("the client has gone"), without writing it back.  readline() returns the last
bytes without a newline when the client has closed (close_notify): those bytes are
dropped, and only whole lines are ever echoed.
Seed: 004 "Using TCP" (EchoHandler on StreamRequestHandler) with 004 "Working with SSL"
(SSLMixin, the handshake in the client's thread).
Must fail: tls.echo/eof-flush only.  eof-close still passes: the connection does close at
once, having echoed nothing wrong, only too little.
"""

import socketserver
import ssl


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line.endswith(b"\n"):  # EOF: the client is gone
                break
            self.wfile.write(line)


class TLSServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, handler, context):
        self.context = context
        super().__init__(address, handler)

    def finish_request(self, request, client_address):  # in the client's thread
        request.settimeout(10)
        with self.context.wrap_socket(request, server_side=True) as tls:
            tls.settimeout(None)
            super().finish_request(tls, client_address)


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    TLSServer((host, port), EchoHandler, context).serve_forever()
