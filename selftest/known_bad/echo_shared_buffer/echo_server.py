"""Bad tcp.echo: the message being echoed lives on the server object, shared by all clients.

Bug: each handler stores what it received in ``self.server.message`` (one attribute for
the whole server), logs it, then sends ``self.server.message`` back.  The log call sleeps a
little (a slow console), and when two clients are active at once, the other handler has
overwritten the attribute in between: a client gets another client's data.
Seed: 004 "Using TCP" (ThreadingTCPServer + handler) with state kept on the shared server
instead of the per-connection handler; 000 "Sockets and Concurrency" ("each client
operate independently").
Must fail: tcp.echo/concurrent-clients (both schedules: crossed data).  Cases with one
active client at a time pass.
"""

import time
from socketserver import BaseRequestHandler, ThreadingTCPServer


class EchoHandler(BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(65536)
            if not data:
                break
            self.server.message = data
            self.log()
            self.request.sendall(self.server.message)

    def log(self):
        print(f"{self.client_address}: {len(self.server.message)} bytes")
        time.sleep(0.02)  # the console is slow; pretend


class EchoServer(ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128
    message = b""


def serve(host, port):
    serv = EchoServer((host, port), EchoHandler)
    serv.serve_forever()
