"""Known-bad cgi.script: percent-escapes decoded as latin-1, not UTF-8.

Bug: the student read that HTTP headers are latin-1 and passed ``encoding="latin-1"`` to
``parse_qs``.  The bytes behind ``%C3%A9`` are UTF-8 (what browsers send), so ``José``
comes back as ``JosÃ©``.
Seed: 000 'Classic CGI Interface' (``cgi.FieldStorage``, which decodes UTF-8), rewritten
without the cgi module.
Must fail: query[non-ascii] and form[non-ascii].
"""

import json
import os
import sys
from urllib.parse import parse_qs

FORM_TYPE = "application/x-www-form-urlencoded"


def read_body():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    if length <= 0:
        return b""
    return sys.stdin.buffer.read(length)  # exactly CONTENT_LENGTH bytes


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
        form = parse_qs(body.decode("latin-1"), encoding="latin-1")  # BUG: UTF-8
    result = {
        "method": method,
        "path": os.environ.get("PATH_INFO", ""),
        "query": parse_qs(os.environ.get("QUERY_STRING", ""), encoding="latin-1"),  # BUG
        "form": form,
        "cookies": parse_cookies(os.environ.get("HTTP_COOKIE", "")),
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
