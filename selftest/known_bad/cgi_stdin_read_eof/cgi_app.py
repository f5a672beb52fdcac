"""Known-bad cgi.script: the POST body is read with ``sys.stdin.read()``, to end of file.

Bug: "the body is on stdin", so a POST reads ``sys.stdin.read()``.  That reads until end of
file, but a CGI server owes the script CONTENT_LENGTH bytes, not an EOF: the suite (like
many servers) keeps stdin open, so every POST blocks until it is killed.  GET never reads
stdin and works.
Seed: 000 'Classic CGI Interface' ("sys.stdin: read to get data sent by client").
Must fail: every POST case (the script hangs in read()).  Everything else passes.
"""

import json
import os
import sys
from urllib.parse import parse_qs

FORM_TYPE = "application/x-www-form-urlencoded"


def read_body():
    if os.environ.get("REQUEST_METHOD") == "POST":
        return sys.stdin.read()  # BUG: reads to EOF, and the server keeps stdin open
    return ""


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
        form = parse_qs(body)
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
