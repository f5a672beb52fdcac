"""Bad tcp.echo: the seed's ThreadingTCPServer without allow_reuse_address.

Bug: ``socketserver.TCPServer.allow_reuse_address`` is False, so the listening socket is
bound without SO_REUSEADDR.  After a stop, the connections the server closed sit in
TIME_WAIT on its port and a restart fails with "Address already in use".
Seed: 004 "Using TCP" (``ThreadingTCPServer(('', 20000), EchoHandler)``), missing 000
"Socket Options" (SO_REUSEADDR).
Must fail: tcp.echo/reuse-address only.
"""

from socketserver import StreamRequestHandler, ThreadingTCPServer


class EchoHandler(StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line)


class EchoServer(ThreadingTCPServer):
    daemon_threads = True
    request_queue_size = 128


def serve(host, port):
    serv = EchoServer((host, port), EchoHandler)
    serv.serve_forever()
