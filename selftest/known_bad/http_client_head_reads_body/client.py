"""Known-bad http.client: after a HEAD it waits for the body the headers announce.

Bug: the student's client on raw sockets (an HTTP/1.1 request written by hand, the response
parsed line by line) reads the body by the response's framing: Content-Length bytes, or
chunks.  But the answer to a HEAD carries the GET's headers, Content-Length included, and
no body (RFC 9110 9.3.2): the client waits for bytes that never come, on a keep-alive
connection the server leaves open, until its timeout raises.  Bodiless statuses (1xx, 204,
304) are handled; the HEAD method is not.
Seed idiom: 004 "Using HTTP" (the HEAD method "asks for a response identical to a GET
request, but without the response body"), written on 004 "Using TCP"'s sockets instead of
urllib or requests, which know this.

Must fail: http.client/head (it raises TimeoutError after the timeout instead of
returning the headers).  Everything else passes.
"""

import base64
import gzip
import json as jsonlib
import socket
import ssl
import uuid
from urllib.parse import urlencode, urljoin, urlsplit

REDIRECTS = (301, 302, 303, 307, 308)


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    if params:
        url = url + "?" + urlencode(params)
    hdrs = dict(headers or {})
    body = b""
    if files:
        body, hdrs["Content-Type"] = encode_multipart(data or {}, files)
    elif data is not None:
        body = urlencode(data).encode("ascii")
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    elif json is not None:
        body = jsonlib.dumps(json).encode("utf-8")
        hdrs["Content-Type"] = "application/json"
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        hdrs["Authorization"] = "Basic " + token

    received = {}  # the cookies the server set during this call
    while True:
        to_send = {**(cookies or {}), **received}
        if to_send:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in to_send.items())
        status, resp_headers, content = send(method, url, hdrs, body, timeout, cafile)
        location = None
        for name, value in resp_headers:
            if name.lower() == "set-cookie":
                cookie_name, _, cookie_value = value.split(";", 1)[0].partition("=")
                received[cookie_name.strip()] = cookie_value.strip()
            elif name.lower() == "location":
                location = value
        if not (allow_redirects and status in REDIRECTS and location):
            break
        url = urljoin(url, location)
        if status in (301, 302, 303) and method != "HEAD":
            method, body = "GET", b""
            hdrs.pop("Content-Type", None)
    for name, value in resp_headers:
        if name.lower() == "content-encoding" and value.lower() == "gzip":
            content = gzip.decompress(content)
    return {"status": status, "headers": resp_headers, "body": content, "cookies": received}


def send(method, url, headers, body, timeout, cafile):
    """One request on a new connection: (status, [(name, value)...], body)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    sock = socket.create_connection((parts.hostname, port), timeout=timeout)
    if parts.scheme == "https":
        context = ssl.create_default_context(cafile=cafile)
        sock = context.wrap_socket(sock, server_hostname=parts.hostname)
    with sock:
        target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        lines = [f"{method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body or method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(body)}")
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)

        stream = sock.makefile("rb")
        status_line = stream.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection without answering")
        status = int(status_line.split()[1])
        resp_headers = []
        while True:
            line = stream.readline().decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            resp_headers.append((name.strip(), value.strip()))
        fields = {name.lower(): value for name, value in resp_headers}
        if status in (204, 304) or status < 200:  # no body, whatever the headers say
            content = b""
        elif "chunked" in fields.get("transfer-encoding", "").lower():
            content = read_chunked(stream)
        elif "content-length" in fields:
            length = int(fields["content-length"])
            content = stream.read(length)
            if len(content) < length:
                raise ConnectionError(f"body cut short: {len(content)} of {length} bytes")
        else:
            content = stream.read()  # delimited by the end of the connection
        return status, resp_headers, content


def read_chunked(stream):
    pieces = []
    while True:
        size = int(stream.readline().split(b";")[0].strip(), 16)
        if size == 0:
            while stream.readline() not in (b"\r\n", b"\n", b""):
                pass  # trailer fields
            return b"".join(pieces)
        piece = stream.read(size)
        if len(piece) < size:
            raise ConnectionError("chunk cut short")
        pieces.append(piece)
        stream.readline()


def encode_multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary
