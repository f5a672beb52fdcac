"""Bad tls.echo: TLS 1.0 and 1.1 allowed "for old clients".

Bug: minimum_version is lowered to TLSv1 and the security level to 0 (OpenSSL 3 refuses
TLS 1.0/1.1 at its default level, so lowering the version alone changes nothing).  The
server then agrees to protocols deprecated since 2021 (RFC 8996).
Seed: 004 "Working with SSL" (its ssl.wrap_socket() defaulted to PROTOCOL_SSLv23, "any
version"), carried over to an SSLContext.
Must fail: tls.echo/min-version (both versions).  Everything else is the reference's
thread per client.
"""

import socket
import ssl
import sys
import threading


def echo(context, conn, addr):
    try:
        conn.settimeout(10)  # a client that never finishes its handshake
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.settimeout(None)
            while data := tls.recv(65536):
                tls.sendall(data)
    except OSError as exc:
        print(f"{addr}: {exc}", file=sys.stderr)
    finally:
        conn.close()


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1  # old clients welcome
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn, addr), daemon=True).start()
