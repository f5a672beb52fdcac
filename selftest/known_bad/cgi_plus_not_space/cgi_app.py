"""Known-bad cgi.script: values are decoded with ``unquote``, so '+' is not a space.

Bug: the student parses the fields by hand and decodes each name and value with
``urllib.parse.unquote``, which is for URL paths.  In a query string or a form body '+'
stands for a space (application/x-www-form-urlencoded); ``unquote_plus`` (or ``parse_qs``)
knows that, ``unquote`` leaves the '+'.
Seed: 000 'Classic CGI Interface' (``cgi.FieldStorage``, which decodes '+'), rewritten
without the cgi module.
Must fail: query[plus-is-space] and form[plus-is-space].
"""

import json
import os
import sys
from urllib.parse import unquote

FORM_TYPE = "application/x-www-form-urlencoded"


def read_body():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    if length <= 0:
        return b""
    return sys.stdin.buffer.read(length)  # exactly CONTENT_LENGTH bytes


def parse_fields(text):
    fields = {}
    for pair in text.split("&"):
        if "=" in pair:
            name, value = pair.split("=", 1)
            # BUG: unquote leaves '+' as it is
            fields.setdefault(unquote(name), []).append(unquote(value))
    return fields


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
        form = parse_fields(body.decode("utf-8"))
    result = {
        "method": method,
        "path": os.environ.get("PATH_INFO", ""),
        "query": parse_fields(os.environ.get("QUERY_STRING", "")),
        "form": form,
        "cookies": parse_cookies(os.environ.get("HTTP_COOKIE", "")),
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
