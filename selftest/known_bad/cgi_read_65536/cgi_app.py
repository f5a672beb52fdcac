"""Known-bad cgi.script: the body is read in ``os.read(0, 65536)`` chunks until there is enough.

Bug: the student knew one read may be short and loops, but asks for a fixed 65536 bytes
each time, not for what is left of CONTENT_LENGTH.  When more bytes follow the body on
stdin (they are not the script's: RFC 3875 gives it CONTENT_LENGTH bytes), the last read
takes them too, and they are parsed as form fields.
Seed: 000 'Classic CGI Interface' (read stdin to get the client's data); 'Partial
Reads/Writes' (recv in a loop with a fixed buffer size).
Must fail: read-exact[bytes-after-body].  Everything else passes.
"""

import json
import os
from urllib.parse import parse_qs

FORM_TYPE = "application/x-www-form-urlencoded"


def read_body():
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    if length <= 0:
        return b""
    data = b""
    while len(data) < length:
        chunk = os.read(0, 65536)  # BUG: may read past the end of the body
        if not chunk:
            break
        data += chunk
    return data


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
        "cookies": parse_cookies(os.environ.get("HTTP_COOKIE", "")),
        "remote_addr": os.environ.get("REMOTE_ADDR", ""),
    }
    print("Content-Type: application/json")
    print()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
