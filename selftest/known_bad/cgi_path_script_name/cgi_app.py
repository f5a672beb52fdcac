"""Known-bad cgi.script: 'path' is SCRIPT_NAME + PATH_INFO, not PATH_INFO.

Bug: the student wanted "the path the client asked for" and rebuilt the whole URL path,
SCRIPT_NAME (``/cgi-bin/app``, the script itself) followed by PATH_INFO.  The role asks
for PATH_INFO only: the part of the path after the script's name.
Seed: 000 'CGI Mechanics' (the request in environment variables).
Must fail: every request-info case ('path' starts with /cgi-bin/app).
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
        "path": os.environ.get("SCRIPT_NAME", "") + os.environ.get("PATH_INFO", ""),  # BUG
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
