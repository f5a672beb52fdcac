"""Known-bad tcp.greeting (command form): the address is formatted as host:port.

Bug: the student "prettifies" the address tuple and sends f"Hello {addr[0]}:{addr[1]}"
(Hello 127.0.0.1:40312) instead of f"Hello {addr}" (Hello ('127.0.0.1', 40312)).
Seed idiom: 000 "TCP Server" (msg = f'Hello {addr}'), as a program: greet_server.py HOST PORT.

Must fail: tcp.greeting/greet-then-close and tcp.greeting/consecutive-clients (both
compare the greeting's bytes).  Must pass no-wait-for-data and idle-client, which only check
that a greeting arrives without sending anything, and without stalling.
"""

import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((host, port))
s.listen(5)
while True:
    conn, addr = s.accept()
    print(f"Received connection from {addr}", flush=True)
    conn.sendall(f"Hello {addr[0]}:{addr[1]}".encode())
    conn.close()
