"""Bad tls.echo: a selectors TLS loop that reads 1 KiB per readiness, ignoring pending().

Bug: on each readable event the loop calls tls.recv(1024) once, the way a plain TCP select
loop reads.  But a TLS record holds up to 16 KiB, and OpenSSL reads and decrypts a whole
record from the socket: the rest of it waits inside the SSL object (tls.pending()), where
select() cannot see it.  Once the client has sent everything the socket never becomes
readable again, and up to 15 KiB stay unread for good.
Seed: 004 "Event Driven I/O" (handle_receive() does one recv per event) with "Working with
SSL" (an SSL socket in that loop).
Must fail: tls.echo/large-payload and long-line (their writes become full 16 KiB records).
Every other payload fits in records smaller than 1 KiB and is echoed.
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
        for key, mask in sel.select():
            tls = key.fileobj
            if tls is listener:
                try:
                    conn, _addr = listener.accept()
                    conn.setblocking(False)
                    tls = context.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
                except OSError:
                    continue
                out[tls] = None
                sel.register(tls, selectors.EVENT_READ)
                continue
            try:
                if out[tls] is None:
                    tls.do_handshake()
                    out[tls] = bytearray()
                elif mask & selectors.EVENT_READ:
                    data = tls.recv(1024)
                    out[tls] += data
                    if not data:
                        done.add(tls)  # close_notify or EOF
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
            else:
                writing = selectors.EVENT_WRITE if out[tls] else 0
                sel.modify(tls, writing | (0 if tls in done else selectors.EVENT_READ))
