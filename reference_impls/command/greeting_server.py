"""tcp.greeting as a program: greeting_server.py HOST PORT."""

import socketserver
import sys


class Greet(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(f"Hello {self.client_address}".encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server((sys.argv[1], int(sys.argv[2])), Greet) as server:
        server.serve_forever()
