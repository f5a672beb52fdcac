"""Bad tls.echo: the seed's first SSL echo server, its listening socket wrapped.

Bug: the listening socket itself is wrapped (server_side=True), so every accept() runs the
new client's handshake before returning it, in the accept loop.  The student did add a
thread per client (the seed serves one at a time), but the thread starts only after the
handshake: a client that never sends its ClientHello stops accept() for everyone.
Seed: 004 "Working with SSL" (s_ssl = ssl.wrap_socket(s, ..., server_side=True);
c, a = s_ssl.accept()), with an SSLContext (ssl.wrap_socket() is gone since Python 3.12),
SO_REUSEADDR, a bigger backlog and threads.
Must fail: tls.echo/stalled-handshake only (the seed's except Exception keeps the loop
alive after a failed handshake).
"""

import socket
import ssl
import threading


def echo_client(s):
    with s:
        while True:
            data = s.recv(8192)
            if data == b"":
                break
            s.sendall(data)


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(128)
    s_ssl = context.wrap_socket(s, server_side=True)
    while True:
        try:
            c, _a = s_ssl.accept()
            threading.Thread(target=echo_client, args=(c,), daemon=True).start()
        except Exception as e:
            print("{}: {}".format(e.__class__.__name__, e))
