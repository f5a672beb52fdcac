"""tcp.echo with socketserver: the seed's StreamRequestHandler echo, one thread per client."""

import socketserver


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self):
        # rfile yields each line as it completes, and the last partial line at EOF; wfile
        # writes with sendall().
        for line in self.rfile:
            self.wfile.write(line)


class EchoServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True  # restart at once while old connections sit in TIME_WAIT
    daemon_threads = True
    request_queue_size = 128


def serve(host, port):
    with EchoServer((host, port), EchoHandler) as server:
        server.serve_forever()
