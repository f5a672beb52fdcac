"""Bad tls.echo: a selectors TLS loop whose error handling expects only ssl.SSLError.

Bug: "a bad client causes an SSL error", so the loop catches ssl.SSLError and nothing
else.  A client that resets its connection in the middle of the handshake raises
ConnectionResetError from do_handshake() (an OSError, not an SSLError); and when its
reset is already there at accept time, wrap_socket() in the accept branch, which has no
try at all, raises.  Either way the exception ends the whole single-threaded server.
Plaintext, a closed connection, a refused client certificate and a too-old protocol all
raise SSLError and are handled.
Seed: 004 "Event Driven I/O" (one select() loop for everyone) and "Working with SSL";
000 "Sockets and Concurrency" (a client's failure must stay that client's).
Must fail: tls.echo/survive-aborted-handshake[reset] only.
"""

import selectors
import socket
import ssl


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)
    listener.setblocking(False)
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ)
    out, done = {}, set()  # client -> bytes to echo (None during the handshake); at EOF
    while True:
        for key, _mask in sel.select():
            tls = key.fileobj
            if tls is listener:
                conn, _addr = listener.accept()
                conn.setblocking(False)
                tls = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
                out[tls] = None
                sel.register(tls, selectors.EVENT_READ)
                continue
            try:
                if out[tls] is None:
                    tls.do_handshake()
                    out[tls] = bytearray()
                while data := tls.recv(65536):
                    out[tls] += data
                done.add(tls)  # b"": close_notify or EOF
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                pass
            except ssl.SSLError:  # a client that does not speak TLS properly
                done.add(tls)
                out[tls] = bytearray()
            try:
                while out[tls]:
                    del out[tls][: tls.send(out[tls][:16384])]
            except ssl.SSLWantWriteError:
                pass
            except ssl.SSLError:
                out[tls] = bytearray()
            if tls in done and not out[tls]:
                sel.unregister(tls)
                del out[tls]
                done.discard(tls)
                tls.close()
            else:
                writing = selectors.EVENT_WRITE if out[tls] else 0
                sel.modify(tls, writing | (0 if tls in done else selectors.EVENT_READ))
