"""Known-bad cgi.script: 'form' holds the query string's fields too, as cgi.FieldStorage did.

Bug: the seed's ``cgi.FieldStorage()`` gives one set of fields, from the query string
and, for a POST, from the body as well.  The student rebuilt that: 'form' starts from
QUERY_STRING and the body's fields are added to it.  The role keeps them apart: 'form' is
the body only, so a GET has an empty form.
Seed: 000 'Classic CGI Interface' (``form = cgi.FieldStorage(); form.getvalue(name)``).
Must fail: every query case and read-exact[get] (a GET's form is not empty), and
form[with-query].
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
    form = parse_qs(os.environ.get("QUERY_STRING", ""))  # BUG: the query is not the form
    if os.environ.get("CONTENT_TYPE", "").split(";")[0].strip() == FORM_TYPE:
        for name, values in parse_qs(body.decode("utf-8")).items():
            form.setdefault(name, []).extend(values)
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
