"""TLS on gevent: tls.echo ``serve(host, port, certfile, keyfile, cafile)`` and tls.client
``fetch(host, port, request, cafile, server_hostname, timeout)``.

Both build their context with gevent.ssl.SSLContext(...) itself: gevent.ssl's
create_default_context() is the standard library's function (copied over unchanged), which
returns a standard-library SSLContext whose sockets block the whole hub -- a client that
stalls its handshake stopped every other client, and gevent.Timeout could not interrupt a
client waiting for a handshake answer.

serve: gevent.server.StreamServer given ``ssl_context=`` (a gevent.ssl.SSLContext, so the
wrapped sockets cooperate) wraps each accepted socket in the connection's own greenlet
(wrap_socket_and_handle), where the handshake runs: a client that never finishes its
handshake holds up only its greenlet.  The handler is gevent_echo's recv/sendall loop; recv()
returns b'' at the client's close_notify, and the socket is closed when it returns.  A failed
handshake or a reset ends that greenlet only (StreamServer logs it and keeps accepting).

fetch: gevent.socket.create_connection() and gevent.ssl's SSLContext.wrap_socket(...,
server_hostname=server_hostname), under one gevent.Timeout for the whole call.
"""

import gevent
from gevent import socket, ssl
from gevent.server import StreamServer
from gevent_echo import echo


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # gevent's class: see the docstring
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    StreamServer((host, port), echo, ssl_context=context).serve_forever()


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # CERT_REQUIRED, check_hostname
    context.load_verify_locations(cafile)
    with (
        gevent.Timeout(timeout),
        socket.create_connection((host, port)) as raw,
        context.wrap_socket(raw, server_hostname=server_hostname) as tls,
    ):
        tls.sendall(request)
        chunks = []
        while chunk := tls.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
