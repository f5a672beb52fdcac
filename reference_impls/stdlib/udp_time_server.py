"""udp.time: the seed's socketserver.UDPServer time server (004 'Using UDP')."""

import time
from socketserver import BaseRequestHandler, UDPServer


class TimeHandler(BaseRequestHandler):
    def handle(self):
        # self.request is (datagram, the server's socket); reply to the sender.
        _msg, sock = self.request
        sock.sendto(time.ctime().encode("ascii"), self.client_address)


def serve(host, port):
    UDPServer((host, port), TimeHandler).serve_forever()
