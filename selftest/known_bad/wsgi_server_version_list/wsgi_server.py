"""Bad wsgi.server: ``wsgi.version`` is the list ``[1, 0]``.

Bug: PEP 3333 says ``wsgi.version`` is the tuple ``(1, 0)``; the student wrote ``[1, 0]``.
An app that checks ``environ["wsgi.version"] == (1, 0)`` (or uses it as a dict key) is told
it runs on an unknown WSGI version.
Seed: 000 'WSGI Interface' (the environ's wsgi.* keys),
written on a raw socket with a thread per connection (000 'Threaded Server').
Must fail: wsgi.server/environ (all four).  Everything else passes.
"""

import io
import socket
import sys
import threading
import traceback
from urllib.parse import unquote_to_bytes

MAX_LINE = 65536
MAX_HEADERS = 100
IDLE_TIMEOUT = 60  # seconds an idle keep-alive connection is kept


class BadRequest(Exception):
    pass


def serve(host, port, app):
    listener = socket.create_server((host, port), backlog=128)  # SO_REUSEADDR on POSIX
    while True:
        conn, addr = listener.accept()
        worker = threading.Thread(
            target=handle_connection, args=(conn, addr, app, port), daemon=True
        )
        worker.start()


def handle_connection(conn, addr, app, port):
    conn.settimeout(IDLE_TIMEOUT)
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rfile = conn.makefile("rb")
    try:
        while handle_request(conn, rfile, addr, app, port):
            pass
    except OSError:
        pass  # timeout, reset: drop the connection
    finally:
        rfile.close()
        conn.close()


def read_line(rfile):
    line = rfile.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise BadRequest("line too long")
    return line


def read_chunked(rfile):
    body = bytearray()
    while True:
        size_line = read_line(rfile).split(b";")[0].strip()
        try:
            size = int(size_line, 16)
        except ValueError:
            raise BadRequest("bad chunk size") from None
        if size == 0:
            break
        data = rfile.read(size + 2)
        if len(data) < size + 2:
            raise ConnectionError("the client went away mid-body")
        body += data[:size]
    while read_line(rfile).strip():  # trailer fields, then the empty line
        pass
    return bytes(body)


def handle_request(conn, rfile, addr, app, port):
    """Answer one request; True if the connection can take another."""
    try:
        line = read_line(rfile)
        if line in (b"\r\n", b"\n"):  # a stray empty line between requests
            line = read_line(rfile)
        if not line:
            return False
        method, target, version = line.decode("latin-1").split()
        if not version.startswith("HTTP/1."):
            raise BadRequest("unsupported version")
        headers = []
        while True:
            line = read_line(rfile)
            if line in (b"\r\n", b"\n"):
                break
            name, sep, value = line.decode("latin-1").partition(":")
            if not sep or not name.strip() or len(headers) >= MAX_HEADERS:
                raise BadRequest("bad header line")
            headers.append((name.strip(), value.strip()))
        fields = {name.lower(): value for name, value in headers}
        if "chunked" in fields.get("transfer-encoding", "").lower():
            body = read_chunked(rfile)
        else:
            length = int(fields.get("content-length", "0"))
            if length < 0:
                raise BadRequest("negative length")
            body = rfile.read(length)
            if len(body) < length:
                return False  # the client went away mid-body
    except (BadRequest, ValueError, UnicodeError):
        conn.sendall(
            b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 12\r\nConnection: close\r\n\r\nBad Request\n"
        )
        return False

    path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": conn.getsockname()[0],
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": version,
        "REMOTE_ADDR": addr[0],
        "wsgi.version": [1, 0],
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in headers:
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        environ[key] = environ[key] + "," + value if key in environ else value

    keep_alive = version == "HTTP/1.1" and "close" not in fields.get("connection", "").lower()
    response = Response(conn, method, version, keep_alive)
    result = None
    try:
        result = app(environ, response.start_response)
        for chunk in result:
            response.write(chunk)
        return response.finish()
    except OSError:
        return False  # the client went away
    except Exception:
        traceback.print_exc()
        if response.headers_sent:
            return False  # cut short: closing the connection is all that is left to say
        conn.sendall(
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
            b"Content-Length: 22\r\nConnection: close\r\n\r\nInternal Server Error\n"
        )
        return False
    finally:
        if hasattr(result, "close"):
            result.close()


class Response:
    def __init__(self, conn, method, version, keep_alive):
        self.conn = conn
        self.method = method
        self.version = version
        self.keep_alive = keep_alive
        self.status = None
        self.headers = []
        self.headers_sent = False
        self.has_body = True
        self.chunked = False
        self.length = None  # the app's Content-Length, if any
        self.sent = 0

    def start_response(self, status, headers, exc_info=None):
        if exc_info:
            try:
                if self.headers_sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.status is not None:
            raise AssertionError("start_response called a second time without exc_info")
        self.status = status
        self.headers = list(headers)
        return self.write

    def send_headers(self):
        code = int(self.status.split()[0])
        self.has_body = self.method != "HEAD" and code >= 200 and code not in (204, 304)
        headers = list(self.headers)
        for name, value in headers:
            if name.lower() == "content-length":
                self.length = int(value)
        if self.length is None and self.has_body:
            if self.version == "HTTP/1.1":
                headers.append(("Transfer-Encoding", "chunked"))
                self.chunked = True
            else:
                self.keep_alive = False  # HTTP/1.0: the body ends with the connection
        if not self.keep_alive:
            headers.append(("Connection", "close"))
        head = f"HTTP/1.1 {self.status}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers)
        self.conn.sendall((head + "\r\n").encode("latin-1"))
        self.headers_sent = True

    def write(self, data):
        if self.status is None:
            raise AssertionError("write() before start_response()")
        if not self.headers_sent:
            if not data:
                return  # the headers wait for the first non-empty chunk
            self.send_headers()
        if not data or not self.has_body:
            return
        self.sent += len(data)
        if self.chunked:
            self.conn.sendall(b"%x\r\n%b\r\n" % (len(data), data))
        else:
            self.conn.sendall(data)

    def finish(self):
        """End the response; True if the connection can be used again."""
        if not self.headers_sent:
            self.send_headers()
        if self.chunked:
            self.conn.sendall(b"0\r\n\r\n")
        complete = not self.has_body or self.length in (None, self.sent)
        return self.keep_alive and complete
