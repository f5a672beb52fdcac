"""tcp.greeting with socketserver: greet each client with its address tuple, then close."""

import socketserver


class GreetingHandler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.sendall(f"Hello {self.client_address}".encode())


class GreetingServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def serve(host, port):
    with GreetingServer((host, port), GreetingHandler) as server:
        server.serve_forever()
