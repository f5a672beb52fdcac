"""Bad tls.echo: generates a self-signed certificate at start instead of using certfile.

Bug: the student's server "makes its own certificate so it works anywhere": a fresh key
and a self-signed certificate for localhost, written to a temporary file, and certfile and
keyfile are never read.  Nobody's CA vouches for that certificate, so every verifying
client rejects the handshake.
Seed: 004 "Working with SSL" (KEYFILE/CERTFILE constants, which the student generated
once and now generates in code).
Must fail: tls.echo/present-certificate and every case whose client verifies the server
(all of them but min-version, which only needs the handshake to fail).
"""

import datetime
import socket
import ssl
import tempfile
import threading

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def make_certificate(path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), False)
        .sign(key, hashes.SHA256())
    )
    with open(path, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        f.write(cert.public_bytes(serialization.Encoding.PEM))


def echo(context, conn):
    try:
        conn.settimeout(10)
        with context.wrap_socket(conn, server_side=True) as tls:
            tls.settimeout(None)
            while data := tls.recv(65536):
                tls.sendall(data)
    except OSError:
        pass
    finally:
        conn.close()


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.NamedTemporaryFile(suffix=".pem") as pem:
        make_certificate(pem.name)
        context.load_cert_chain(pem.name)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    listener = socket.create_server((host, port), backlog=128)
    while True:
        conn, _addr = listener.accept()
        threading.Thread(target=echo, args=(context, conn), daemon=True).start()
