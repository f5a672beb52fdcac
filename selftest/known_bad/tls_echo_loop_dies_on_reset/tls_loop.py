"""Bad tls.echo: a line-echo selectors TLS loop with error handling for handshakes only.

Bug: the loop catches errors around the handshake ("clients that do not speak TLS"), but
recv() and send() for the echo are not wrapped in try/except.  The first time a client
resets its connection, the exception propagates out of the loop and the whole server
exits.  (The loop echoes complete lines, like the seed's StreamRequestHandler echo, and
the rest at EOF.  Over TLS a reset often reads as a plain EOF; it is the write of that
rest to the reset connection that raises.)
Seed: 004 "Event Driven I/O" handlers with no error handling, and "Working with SSL";
000 "Sockets and Concurrency".
Must fail: tls.echo/survive-reset only.
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
    line, out, done = {}, {}, set()  # unfinished line; bytes to echo; finished clients
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
                sel.register(tls, selectors.EVENT_READ)
                continue
            if tls not in out:
                try:
                    tls.do_handshake()
                except ssl.SSLWantReadError:
                    continue
                except OSError:  # not TLS, or gone: forget this client
                    sel.unregister(tls)
                    tls.close()
                    continue
                line[tls], out[tls] = bytearray(), bytearray()
            try:
                while data := tls.recv(65536):
                    line[tls] += data
                done.add(tls)  # b"": close_notify or EOF; echo the rest too
                end = len(line[tls])
            except ssl.SSLWantReadError:
                end = line[tls].rfind(b"\n") + 1
            out[tls] += line[tls][:end]
            del line[tls][:end]
            try:
                while out[tls]:
                    del out[tls][: tls.send(out[tls][:16384])]
            except ssl.SSLWantWriteError:
                pass
            if tls in done and not out[tls]:
                sel.unregister(tls)
                del line[tls], out[tls]
                done.discard(tls)
                tls.close()
            else:
                writing = selectors.EVENT_WRITE if out[tls] else 0
                sel.modify(tls, writing | (0 if tls in done else selectors.EVENT_READ))
