"""Known-bad tcp.greeting: the greeting ends with a newline.

Bug: the student "terminates the line" the way print() would, sending
f"Hello {addr}\n" instead of f"Hello {addr}".  Seed idiom: 000 "TCP Server"
(msg = f'Hello {addr}'), rewritten with socketserver's StreamRequestHandler.

Must fail: tcp.greeting/greet-then-close (it reads the greeting to EOF and compares it
exactly).  Must pass the others, which read only len(greeting) bytes (or one byte) and so
never look at the extra newline.
"""

import socketserver


class GreetHandler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(f"Hello {self.client_address}\n".encode())


class GreetServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def serve(host, port):
    with GreetServer((host, port), GreetHandler) as server:
        server.serve_forever()
