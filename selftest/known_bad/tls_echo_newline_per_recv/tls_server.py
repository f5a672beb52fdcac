"""Bad tls.echo: takes every recv() for one line and normalises its ending.

Bug: "clients send lines, and telnet ends them with \\r\\n", so each recv() is stripped of
its line ending and sent back with a single b"\\n".  But a recv() returns what one TLS
record holds, whatever the client's lines: a line that arrives in several records comes
back with a newline after every piece, and data without a final newline gets one added.
Seed: 004 "Working with SSL" (echo_client(): recv(8192), send back), with each chunk
treated as a message; 000 "Partial Reads/Writes", "Data Reassembly" ignored.
Must fail: every case whose data arrives in more than one record, or ends without a
newline: partial-reads, large-payload, long-line, eof-close and eof-flush (all), and the
one-byte, random-splits and coalesced variants of all-byte-values and second-client (corked
records still decrypt one at a time), plus concurrent-clients[random-splits].  A line sent
in one write is one record, and passes.
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
                line = data.rstrip(b"\r\n")  # one message, one line
                tls.sendall(line + b"\n")
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
