"""Known-bad cgi.script: no empty line after the header lines.

Bug: the student prints ``Content-Type: application/json`` and then the JSON, and for
other methods the Status line alone: the empty line that ends the header block is
missing.  A CGI server reads header lines up to an empty line (RFC 3875 6.2); without it
the JSON is taken for a header and the response never ends its headers.
Seed: 000 'Classic CGI Interface' (``print("Content-Type: text/html")`` then ``print()``:
the empty print dropped).
Must fail: every case.
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
        print("Allow: GET, POST")  # BUG: no empty line after the headers
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
    print("Content-Type: application/json")  # BUG: no empty line after the headers
    print(json.dumps(result))


if __name__ == "__main__":
    main()
