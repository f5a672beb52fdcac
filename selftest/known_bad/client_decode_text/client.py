"""Known-bad tcp.client: handles the response as text.

Bug: every chunk is decoded to str as it arrives ("we are reading text, aren't we?") and
the joined text is encoded back at the end.  Fine for ASCII; binary data is not UTF-8, so
the first chunk holding an invalid sequence raises UnicodeDecodeError.
Seed idiom: 000 "Data Reassembly" (message = "".join(fragments): the seed joins with a
str) + "TCP Client" (msg.encode()/decode()).

Must fail: tcp.client/large-response (4 MiB of random bytes, in every schedule).  Must pass
the rest: every other response is ASCII.
"""

import socket


def fetch(host, port, request, timeout):
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        fragments = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            fragments.append(chunk.decode())
    message = "".join(fragments)
    return message.encode()
