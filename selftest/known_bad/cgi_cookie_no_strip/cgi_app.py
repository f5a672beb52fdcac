"""Known-bad cgi.script: cookies split on ';' and '=' without stripping the spaces.

Bug: a browser sends ``a=1; b=two``, with a space after each ';'.  Split on ';' alone,
the second name is ``" b"``, not ``"b"``.  A header without spaces (``x=1;y=2``) or with
one cookie works, which is why it passed the student's test.
Seed: 000 'CGI Mechanics' (HTTP_COOKIE among the variables).
Must fail: cookies[several].
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
            cookies[name] = value  # BUG: ' b' keeps its space
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
