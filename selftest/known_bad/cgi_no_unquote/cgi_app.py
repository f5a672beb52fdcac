"""Known-bad cgi.script: query and form split by hand on '&' and '=', never unquoted.

Bug: without the cgi module the student parses ``a=1&b=2`` with ``split("&")`` and
``split("=", 1)``, which is right for plain values, but leaves percent-escapes (``%26``,
``%C3%A9``) and '+' as they came: ``a%26b%3Dc`` is not decoded to ``a&b=c``.
Seed: 000 'Classic CGI Interface' (``cgi.FieldStorage().getvalue(name)``, which decodes),
rewritten without the cgi module.
Must fail: query and form [percent-encoded], [plus-is-space] and [non-ascii].
"""

import json
import os
import sys

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
            fields.setdefault(name, []).append(value)  # BUG: not unquoted
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
