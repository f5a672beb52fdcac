"""Bad tls.echo: a selectors TLS loop that watches every client for writing, always.

Bug: a TLS read may need to write and a write may need to read (SSLWantWriteError,
SSLWantReadError), so "to be safe" every client is registered for EVENT_READ |
EVENT_WRITE for as long as it is connected.  A connected socket is writable nearly all the
time, so select() returns at once, again and again: with one idle client the loop spins
at 100% CPU.  The echo itself is right.
Seed: 004 "Event Driven I/O" (wants_to_send() should be True only when there is something
to send), 000 "Non-blocking Sockets".
Must fail: tls.echo/no-busy-wait only.
"""

import selectors
import socket
import ssl

EVERYTHING = selectors.EVENT_READ | selectors.EVENT_WRITE


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
                try:
                    conn, _addr = listener.accept()
                    conn.setblocking(False)
                    tls = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
                except OSError:
                    continue
                out[tls] = None
                sel.register(tls, EVERYTHING)
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
            except OSError:  # a failed handshake, a reset: this client only
                done.add(tls)
                out[tls] = bytearray()
            try:
                while out[tls]:
                    del out[tls][: tls.send(out[tls][:16384])]
            except ssl.SSLWantWriteError:
                pass
            except OSError:
                out[tls] = bytearray()
            if tls in done and not out[tls]:
                sel.unregister(tls)
                del out[tls]
                done.discard(tls)
                tls.close()
