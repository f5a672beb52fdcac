r"""Bad udp.echo: echoes the text, not the bytes: decode with errors="replace", then encode.

Bug: the student echoes "the message": ``data.decode("utf-8", errors="replace")`` so that a
bad byte cannot crash the server, then ``.encode("utf-8")`` to send it.  Every byte that is
not part of valid UTF-8 comes back as U+FFFD (b'\xef\xbf\xbd'), so the echo is neither the
same bytes nor the same length.  ASCII passes.
Seed: 000 'Connections' (datagrams carry bytes); 004 'Using UDP' (``data.upper()`` style
echoes on decoded text).
Must fail: identical-datagram[one-byte] (the byte 0xff) and [all-byte-values] (bytes
0x80..0xff are no UTF-8 on their own), identical-datagram[largest] (65,507 random bytes: the reply grows past the largest datagram
and sendto() raises "Message too long", which kills the server) and burst-boundaries
(random bytes in every datagram).  [empty] passes.
"""

import socket


def serve(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, port))
    while True:
        data, addr = sock.recvfrom(65535)
        message = data.decode("utf-8", errors="replace")
        sock.sendto(message.encode("utf-8"), addr)
