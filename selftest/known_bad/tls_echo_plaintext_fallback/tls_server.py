"""Bad tls.echo: falls back to plaintext when the client does not start with TLS.

Bug: "so I can still test it with netcat", the server peeks at the first byte: a TLS
handshake record starts with 0x16, and anything else is served as a plain TCP echo.  So a
client that speaks plaintext to the TLS port (a browser on http://, a misconfigured
client) gets an unencrypted, unauthenticated echo instead of a TLS error.
Seed: 004 "Working with SSL" (EchoHandler's recv/send loop), with a plaintext shortcut
around the wrap_socket() call.
Must fail: tls.echo/survive-plaintext[plaintext] only.  The garbage record begins with
0x16 like a handshake, so it goes to TLS and fails there, as it should.
"""

import socket
import ssl
import sys
import threading

TLS_HANDSHAKE = b"\x16"


def echo(context, conn, addr):
    try:
        conn.settimeout(10)  # a client that never sends anything
        if conn.recv(1, socket.MSG_PEEK) == TLS_HANDSHAKE:
            conn = context.wrap_socket(conn, server_side=True)
        conn.settimeout(None)
        while data := conn.recv(65536):
            conn.sendall(data)
    except OSError as exc:
        print(f"{addr}: {exc}", file=sys.stderr)
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
