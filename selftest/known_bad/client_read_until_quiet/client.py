"""Known-bad tcp.client: "read until the server goes quiet".

Bug: after sending, the student sets a short per-recv timeout (0.3 s) and treats the
timeout as the end of the response: a pause is taken for EOF, and a server that says
nothing at all yields b'' instead of an error.
Seed idiom: 000 "Timeouts" (s.settimeout) misused as an end-of-data marker, instead of
"End of Data" (recv() returning b'').

Must fail: tcp.client/wait-for-eof (returns what came before the 0.5 s pause) and
tcp.client/timeout (returns b'' after 0.3 s instead of raising).  Must pass the other
cases, whose data flows without pauses longer than a few milliseconds.
"""

import socket


def fetch(host, port, request, timeout):
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(request)
        s.settimeout(0.3)  # nothing for 0.3 s: the server is done
        fragments = []
        while True:
            try:
                chunk = s.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            fragments.append(chunk)
    return b"".join(fragments)
