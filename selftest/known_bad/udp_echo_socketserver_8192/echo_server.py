"""Bad udp.echo: socketserver.UDPServer with its default max_packet_size.

Bug: the seed's UDPServer pattern, correct in every line the student wrote, but UDPServer
reads each datagram with recvfrom(self.max_packet_size), which is 8192 by default: a longer
datagram reaches the handler cut to 8192 bytes (the kernel drops the rest, silently).
Seed: 004 'Using UDP' / 000 'SocketServer Example' (UDPServer, self.request is (data, sock)).
Must fail: udp.echo/identical-datagram[largest] only (65,507 bytes come back as 8192).  The
burst's datagrams are at most 1,413 bytes.
"""

from socketserver import BaseRequestHandler, UDPServer


class EchoHandler(BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data, self.client_address)


def serve(host, port):
    server = UDPServer((host, port), EchoHandler)
    server.serve_forever()
