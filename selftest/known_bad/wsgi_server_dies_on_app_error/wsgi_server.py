"""Bad wsgi.server: an exception from the app stops the whole server.

Bug: an asyncio server in the structured-concurrency style: every connection is a task of
one ``asyncio.TaskGroup``, and the app runs in a worker thread (``asyncio.to_thread``) so
a slow app does not stop the event loop.  The ``try`` that answers 500 and calls
``close()`` starts after the call to the app (it needs the app's result), so when
``app(environ, start_response)`` itself raises, the exception leaves the connection's task.
A TaskGroup treats a failed task as the failure of the group: it cancels every other
task, the listening server included, and re-raises, so ``serve()`` ends with an
ExceptionGroup and the process exits.  One bad request takes the server down for everyone.
(An error while iterating the body is inside the ``try``: a 500, or a cut-short response.)
Seed: 000 'WSGI Deployment' and 'WSGI Responses' (error handling); 004 'Event Driven I/O'.
Must fail: wsgi.server/app-error[raise-before] and [raise-after-start],
wsgi.server/keeps-serving[after-app-error].  Everything else passes.
"""

import asyncio
import io
import sys
import traceback
from urllib.parse import unquote_to_bytes

MAX_LINE = 65536
MAX_HEADERS = 100
IDLE_TIMEOUT = 60  # seconds an idle keep-alive connection is kept

BAD_REQUEST = (
    b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 12\r\nConnection: close\r\n\r\nBad Request\n"
)
SERVER_ERROR = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 22\r\nConnection: close\r\n\r\nInternal Server Error\n"
)


class BadRequest(Exception):
    pass


def serve(host, port, app):
    asyncio.run(main(host, port, app))


async def main(host, port, app):
    async with asyncio.TaskGroup() as tasks:

        def on_connect(reader, writer):
            tasks.create_task(handle_connection(reader, writer, app, port))

        server = await asyncio.start_server(on_connect, host, port, limit=MAX_LINE + 2, backlog=128)
        tasks.create_task(server.serve_forever())


async def handle_connection(reader, writer, app, port):
    try:
        while await handle_request(reader, writer, app, port):
            pass
    except (ConnectionError, asyncio.IncompleteReadError, TimeoutError):
        pass  # the client went away, or stayed idle too long
    writer.close()


async def read_line(reader):
    try:
        return await reader.readline()
    except ValueError:  # longer than the stream's limit
        raise BadRequest("line too long") from None


async def read_chunked(reader):
    body = bytearray()
    while True:
        size_line = (await read_line(reader)).split(b";")[0].strip()
        try:
            size = int(size_line, 16)
        except ValueError:
            raise BadRequest("bad chunk size") from None
        if size == 0:
            break
        body += (await reader.readexactly(size + 2))[:size]
    while (await read_line(reader)).strip():  # trailer fields, then the empty line
        pass
    return bytes(body)


async def handle_request(reader, writer, app, port):
    """Answer one request; True if the connection can take another."""
    try:
        async with asyncio.timeout(IDLE_TIMEOUT):
            line = await read_line(reader)
            if line in (b"\r\n", b"\n"):  # a stray empty line between requests
                line = await read_line(reader)
            if not line:
                return False
            method, target, version = line.decode("latin-1").split()
            if not version.startswith("HTTP/1."):
                raise BadRequest("unsupported version")
            headers = []
            while True:
                line = await read_line(reader)
                if line in (b"\r\n", b"\n"):
                    break
                name, sep, value = line.decode("latin-1").partition(":")
                if not sep or not name.strip() or len(headers) >= MAX_HEADERS:
                    raise BadRequest("bad header line")
                headers.append((name.strip(), value.strip()))
            fields = {name.lower(): value for name, value in headers}
            if "chunked" in fields.get("transfer-encoding", "").lower():
                body = await read_chunked(reader)
            else:
                length = int(fields.get("content-length", "0"))
                if length < 0:
                    raise BadRequest("negative length")
                body = await reader.readexactly(length)
    except (BadRequest, ValueError, UnicodeError):
        writer.write(BAD_REQUEST)
        await writer.drain()
        return False

    sockname = writer.get_extra_info("sockname")
    peername = writer.get_extra_info("peername")
    path, _, query = target.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": sockname[0],
        "SERVER_PORT": str(port),
        "SERVER_PROTOCOL": version,
        "REMOTE_ADDR": peername[0],
        "wsgi.version": (1, 0),
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
    response = Response(writer, method, version, keep_alive)
    result = await asyncio.to_thread(app, environ, response.start_response)
    try:
        chunks = iter(result)
        while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
            await response.write(chunk)
        return await response.finish()
    except ConnectionError:
        return False  # the client went away
    except Exception:
        traceback.print_exc()
        if response.headers_sent:
            return False  # cut short: closing the connection is all that is left to say
        writer.write(SERVER_ERROR)
        await writer.drain()
        return False
    finally:
        if hasattr(result, "close"):
            await asyncio.to_thread(result.close)


class Response:
    def __init__(self, writer, method, version, keep_alive):
        self.writer = writer
        self.loop = asyncio.get_running_loop()
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

    # start_response and write_from_app run in the app's thread.
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
        return self.write_from_app

    def write_from_app(self, data):
        asyncio.run_coroutine_threadsafe(self.write(data), self.loop).result()

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
        self.writer.write((head + "\r\n").encode("latin-1"))
        self.headers_sent = True

    async def write(self, data):
        if self.status is None:
            raise AssertionError("write() before start_response()")
        if not self.headers_sent:
            if not data:
                return  # the headers wait for the first non-empty chunk
            self.send_headers()
        if data and self.has_body:
            self.sent += len(data)
            if self.chunked:
                self.writer.write(b"%x\r\n%b\r\n" % (len(data), data))
            else:
                self.writer.write(data)
        await self.writer.drain()

    async def finish(self):
        """End the response; True if the connection can be used again."""
        if not self.headers_sent:
            self.send_headers()
        if self.chunked:
            self.writer.write(b"0\r\n\r\n")
        await self.writer.drain()
        complete = not self.has_body or self.length in (None, self.sent)
        return self.keep_alive and complete
