"""Known-bad tls.client: one recv() and done.

Bug: data = tls.recv(65536) is taken as the whole response.  Over TLS a recv() returns the
data of one record at most, however much has arrived: a server that writes its response in
one sendall() sends one record and it "works", any other server loses the rest.
Seed idiom: 004 "Working with SSL" (s_ssl.send(...); s_ssl.recv(8192)).

Must fail: tls.client/read-to-eof for every delivery that writes more than one record
(one-byte, random-splits, coalesced: corked records still decrypt one at a time, and
paused).  Must pass read-to-eof[all-at-once] and verified-connection (one record).
"""

import socket
import ssl


def fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    with socket.create_connection((host, port), timeout=timeout) as raw:
        with context.wrap_socket(raw, server_hostname=server_hostname) as tls:
            tls.sendall(request)
            return tls.recv(65536)
