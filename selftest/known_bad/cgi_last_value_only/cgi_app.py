"""Known-bad cgi.script: a repeated name keeps only its last value.

Bug: the student parses the fields into a dict, ``fields[name] = [value]``: every
repeated name (``tag=x&tag=y``, a group of checkboxes) overwrites the one before, so
only the last value is left.
Seed: 000 'Classic CGI Interface' (``form.getvalue(name)``), rewritten without the cgi
module.
Must fail: query[repeated] and form[repeated].
"""

import json
import os
import sys
from urllib.parse import unquote_plus

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
            fields[unquote_plus(name)] = [unquote_plus(value)]  # BUG: overwrites
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
