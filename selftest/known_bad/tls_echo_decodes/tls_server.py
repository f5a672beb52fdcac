"""Bad tls.echo: decodes what it receives as UTF-8 "to print it", and echoes the text.

Bug: each recv() is decoded (msg = data.decode(errors="replace"), so that "binary junk
cannot crash it"), logged, and sent back re-encoded.  Every byte that is not valid UTF-8
becomes U+FFFD, which encodes as the three bytes EF BF BD: the echo differs from what was
sent.  ASCII text works, which is all the student tried.
Seed: 004 "Working with SSL" (the echo loop), with 004 "Using TCP"'s habit of printing
what arrives.
Must fail: tls.echo/all-byte-values, large-payload and long-line (random bytes, mostly
invalid UTF-8).  Everything else is ASCII.
"""

import socket
import ssl
import threading


def echo(context, conn, addr):
    try:
        conn.settimeout(10)  # a client that never finishes its handshake
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.settimeout(None)
            while data := tls.recv(65536):
                msg = data.decode(errors="replace")
                print(f"{addr}: {msg[:60]!r}")
                tls.sendall(msg.encode())
    except OSError:
        pass
    finally:
        conn.close()


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()
