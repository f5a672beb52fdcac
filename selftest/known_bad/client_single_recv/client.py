"""Known-bad tcp.client: the seed's TCP Client, one recv() and done.

Bug: data = s.recv(10000) takes whatever has arrived at that moment as the whole
response.  On loopback a small response sent in one write usually arrives in one
segment, so it "works" when tried by hand.
Seed idiom: 000 "TCP Client" (s.send + a single s.recv(10000)), with sendall() and a
timeout so the other requirements hold.

Must fail: tcp.client/fragmented-response[one-byte] and [random-splits] (the first recv()
returns the first segment only), tcp.client/large-response (4 MiB never fits in one
recv(10000)) and tcp.client/wait-for-eof (returns the first half, before the pause).
Must pass fragmented-response[all-at-once] and [coalesced]: the whole 1160-byte response
is one segment on loopback (one sendall, or the corked writes released together).
"""

import socket


def fetch(host, port, request, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect((host, port))
    s.sendall(request)
    data = s.recv(10000)
    s.close()
    return data
