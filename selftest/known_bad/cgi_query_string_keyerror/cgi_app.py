"""Known-bad cgi.script: ``os.environ["QUERY_STRING"]`` crashes on a URL without a query.

Bug: RFC 3875 4.1.7 says the server sets QUERY_STRING ("" when there is no query), and
most do, but not all: a request for ``/cgi-bin/app`` may come with no QUERY_STRING at
all, and ``os.environ["QUERY_STRING"]`` raises KeyError.
Seed: 000 'CGI Mechanics' (the request in environment variables).
Must fail: missing-variables[no-query-string].
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
        form = parse_qs(body.decode("utf-8"))
    result = {
        "method": method,
        "path": os.environ.get("PATH_INFO", ""),
        "query": parse_qs(os.environ["QUERY_STRING"]),  # BUG: KeyError when absent
        "form": form,
        "cookies": parse_cookies(os.environ.get("HTTP_COOKIE", "")),
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
