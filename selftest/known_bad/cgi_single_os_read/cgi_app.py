"""Known-bad cgi.script: the body is read with one ``os.read(0, CONTENT_LENGTH)``.

Bug: ``os.read(0, n)`` is one read(2): it returns at most n bytes, and from a pipe only
what is there now.  A body that arrives in pieces, or one bigger than the pipe's buffer
(64 KiB), comes back short: the form holds the first piece only.
Seed: 000 'Classic CGI Interface' (read stdin to get the client's data); 'Partial
Reads/Writes'.
Must fail: read-exact[body-in-pieces] and [large].  Everything else passes.
"""

import json
import os
from urllib.parse import parse_qs

FORM_TYPE = "application/x-www-form-urlencoded"


def read_body():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    if length <= 0:
        return b""
    return os.read(0, length)  # BUG: one read(2), which may return less


def parse_cookies(header):
    cookies = {}
    for part in header.split(";"):
        name, eq, value = part.partition("=")
        if eq:
            cookies[name.strip()] = value.strip()
    return cookies


def main():
    method = os.environ.get("REQUEST_METHOD", "")
    if method not in ("GET", "POST"):
        print("Status: 405 Method Not Allowed")
        print("Allow: GET, POST")
        print()
        return
    body = read_body()
    form = {}
    if os.environ.get("CONTENT_TYPE", "").split(";")[0].strip() == FORM_TYPE:
        form = parse_qs(body.decode("utf-8"))
    result = {
        "method": method,
        "path": os.environ.get("PATH_INFO", ""),
        "query": parse_qs(os.environ.get("QUERY_STRING", "")),
        "form": form,
        "cookies": parse_cookies(os.environ.get("HTTP_COOKIE", "")),
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
