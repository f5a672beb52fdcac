"""tcp.echo as a program: echo_server.py HOST PORT (the 004 BaseRequestHandler echo)."""

import socketserver
import sys


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            while True:
                msg = self.request.recv(65536)
                if not msg:
                    break
                self.request.sendall(msg)
        except (ConnectionResetError, BrokenPipeError):
            pass  # that client went away; the others are unaffected


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128


if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    with Server((host, port), EchoHandler) as server:
        server.serve_forever()
