"""Bad tcp.echo: the seed's socketserver EchoHandler served by a plain TCPServer.

Bug: ``socketserver.TCPServer`` is iterative.  It runs ``handle()`` for one client at a
time, so a second client waits in the listen backlog until the first one disconnects.
Seed: 004 "Using TCP" ("Single client request (DEFAULT)": ``TCPServer(...)`` instead of
``ThreadingTCPServer(...)``).
Must fail: tcp.echo/second-client and tcp.echo/concurrent-clients.  Everything else
passes: one client at a time is echoed correctly.
"""

from socketserver import BaseRequestHandler, TCPServer


class EchoHandler(BaseRequestHandler):
    def handle(self):
        while True:
            msg = self.request.recv(8192)
            if not msg:
                break
            self.request.sendall(msg)


class EchoServer(TCPServer):
    allow_reuse_address = True


def serve(host, port):
    serv = EchoServer((host, port), EchoHandler)
    serv.serve_forever()
