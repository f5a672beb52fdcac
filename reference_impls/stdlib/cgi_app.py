"""cgi.script: the course's CGI script, without the ``cgi`` module (removed in Python 3.13).

Run once per request by the server (RFC 3875): the request is in the environment, its body
on stdin.  For GET and POST it answers a JSON object with the method, the path, the query
and form fields, the cookies and the client's address; any other method gets a 405.

- Exactly CONTENT_LENGTH bytes are read from stdin: the server need not close it, and what
  follows the body is not the script's.  ``cgi.FieldStorage`` and ``sys.stdin.read()`` read to
  EOF; and a buffered ``sys.stdin.buffer.read(n)`` may take more than n bytes off the pipe
  (read-ahead), so the unbuffered stream is read, in a loop (a pipe gives what it has).
- Query and form are decoded by ``urllib.parse.parse_qs`` ('+' is a space, %XX as UTF-8,
  every value of a repeated name in order, blank values kept).
- The environment is taken as bytes and decoded as UTF-8 whatever the locale says.
- Output is bytes on ``sys.stdout.buffer`` (UTF-8 JSON), header lines ending in CRLF.
"""

from __future__ import annotations

import json
import os
import sys
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

FORM_TYPE = "application/x-www-form-urlencoded"


def env(name: str) -> str:
    """A meta-variable as text ("" if absent): its bytes as UTF-8, not as the locale says."""
    return os.environb.get(name.encode(), b"").decode("utf-8", errors="replace")


def read_body() -> bytes:
    try:
        length = max(int(env("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        length = 0
    stdin = sys.stdin.buffer.raw if sys.stdin is not None else None
    chunks: list[bytes] = []
    while length > 0 and stdin is not None:
        chunk = stdin.read(length)  # one read(2): at most `length`, never past the body
        if not chunk:  # EOF: the client sent less than it announced
            break
        chunks.append(chunk)
        length -= len(chunk)
    return b"".join(chunks)


def parse_cookies(header: str) -> dict[str, str]:
    """HTTP_COOKIE ("a=1; b=2") as a dict.

    SimpleCookie unquotes values, but stops at the first pair it cannot parse (a name with
    "[", a value with a space ...) and takes names such as "path" for attributes; then the
    plain split on ";" and the first "=" is the better reading.
    """
    pairs = (part.strip().partition("=") for part in header.split(";"))
    split = {name.strip(): value.strip() for name, eq, value in pairs if eq and name.strip()}
    try:
        jar = SimpleCookie()
        jar.load(header)
    except CookieError:
        return split
    parsed = {name: morsel.value for name, morsel in jar.items()}
    return parsed if parsed.keys() == split.keys() else split


def respond(headers: list[str], body: bytes) -> None:
    head = [*headers, f"Content-Length: {len(body)}", "", ""]
    out = sys.stdout.buffer
    out.write("\r\n".join(head).encode("utf-8") + body)
    out.flush()


def main() -> None:
    body = read_body()  # first, whatever the method: the server may be writing it
    method = env("REQUEST_METHOD")  # case-sensitive: "get" is not GET
    if method not in ("GET", "POST"):
        status = ["Status: 405 Method Not Allowed", "Allow: GET, POST"]
        respond([*status, "Content-Type: text/plain; charset=utf-8"], b"Method Not Allowed\n")
        return
    form: dict[str, list[str]] = {}
    if env("CONTENT_TYPE").split(";")[0].strip().lower() == FORM_TYPE:
        form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    result = {
        "method": method,
        "path": env("PATH_INFO"),
        "query": parse_qs(env("QUERY_STRING"), keep_blank_values=True),
        "form": form,
        "cookies": parse_cookies(env("HTTP_COOKIE")),
        "remote_addr": env("REMOTE_ADDR"),
    }
    respond(["Content-Type: application/json"], json.dumps(result, ensure_ascii=False).encode())


if __name__ == "__main__":
    main()
