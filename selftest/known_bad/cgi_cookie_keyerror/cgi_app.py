"""Known-bad cgi.script: ``os.environ["HTTP_COOKIE"]`` crashes on a request without cookies.

Bug: the student tested with a browser that always sent a cookie and wrote
``os.environ["HTTP_COOKIE"]``.  A request without a Cookie header has no HTTP_COOKIE
variable (RFC 3875 4.1.18: only the headers the client sent), so the script dies with
KeyError before printing anything.
Seed: 000 'CGI Mechanics' (the request in environment variables).
Must fail: every GET and POST case without a cookie (all but cookies[*]);
other-methods passes (the 405 is printed before the cookies are read).
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
        "query": parse_qs(os.environ.get("QUERY_STRING", "")),
        "form": form,
        "cookies": parse_cookies(os.environ["HTTP_COOKIE"]),  # BUG: KeyError with no cookie
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
