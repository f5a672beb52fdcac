"""udp.echo on socketserver.UDPServer: each datagram back as it came.

UDPServer reads max_packet_size bytes per datagram, 8192 by default: a longer datagram would
be cut short, so it is raised to the largest a UDP datagram can be.
"""

from socketserver import BaseRequestHandler, UDPServer


class EchoHandler(BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data, self.client_address)


class EchoServer(UDPServer):
    max_packet_size = 65535


def serve(host, port):
    EchoServer((host, port), EchoHandler).serve_forever()
