"""Known-bad tcp.greeting: waits for the client to send something before greeting.

Bug: copied from the echo server, the loop calls conn.recv(1024) to "read the request"
first; the greeting client never sends, so the server sits in recv() until the client
gives up and closes, and only then greets (nobody is listening any more).
Seed idiom: 000 "TCP Server" with the echo server's recv() in front of the send().

Must fail every tcp.greeting requirement: greet-then-close, no-wait-for-data,
consecutive-clients (the first client already gets nothing) and idle-client (the second
client gets nothing either).
"""

import socket


def serve(host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    s.listen(5)
    while True:
        conn, addr = s.accept()
        try:
            request = conn.recv(1024)  # wait for the client's request
            print(f"{addr} sent {request!r}", flush=True)
            conn.send(f"Hello {addr}".encode())
        except OSError as exc:
            print(f"{addr}: {exc}", flush=True)
        finally:
            conn.close()
