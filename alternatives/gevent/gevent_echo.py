"""Echo server on gevent's StreamServer: serve(host, port).

gevent.server.StreamServer accepts in a greenlet and runs handle() in a new greenlet per
connection, all in one OS thread on gevent's libev/libuv hub.  The handler is the usual
blocking-style loop on a gevent (cooperative) socket: recv until b'', sendall each chunk,
then close (the server's handle wrapper closes the socket when handle() returns).
"""

from gevent.server import StreamServer


def echo(sock, address):
    while True:
        data = sock.recv(65536)
        if not data:
            break
        sock.sendall(data)


def serve(host, port):
    # StreamServer's listener sets SO_REUSEADDR (reuse_addr = DEFAULT_REUSE_ADDR, 1 on POSIX).
    StreamServer((host, port), echo).serve_forever()
