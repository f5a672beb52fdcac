"""Known-bad http.client: a body that stalls is returned cut short instead of raising.

Bug: the student reads the body in pieces, in a try that catches the timeout and
http.client.IncompleteRead, "to keep whatever arrived from a slow server".  A server that
stops in the middle of the body then yields a partial body (here: none of it, the 100
bytes are still in the buffered read that timed out) returned as if it were the whole
response, status 200 and all.  The caller cannot tell it from a complete one.
Seed idiom: 004 "Using HTTP" (resp = u.read()), read in a loop with the errors swallowed;
000 "Timeouts" says a timeout is an error to report.

Must fail: the stalled-body cases of http.client/timeout (returns instead of raising).
The no-response cases pass: urlopen raises there, before the loop.
"""

import base64
import gzip
import json as jsonlib
import ssl
import uuid
from http.client import IncompleteRead
from http.cookiejar import CookieJar
from urllib import parse
from urllib import request as urlrequest
from urllib.error import HTTPError


class NoRedirect(urlrequest.HTTPRedirectHandler):
    """Leaves 3xx responses alone: urllib then raises them as HTTPError."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def encode_multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    if params:
        url = url + "?" + parse.urlencode(params)
    hdrs = dict(headers or {})
    body = None
    if files:
        body, hdrs["Content-Type"] = encode_multipart(data or {}, files)
    elif data is not None:
        body = parse.urlencode(data).encode("ascii")
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    elif json is not None:
        body = jsonlib.dumps(json).encode("utf-8")
        hdrs["Content-Type"] = "application/json"
    if cookies:
        hdrs["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if auth:
        user, password = auth
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        hdrs["Authorization"] = "Basic " + token
    req = urlrequest.Request(url, body, headers=hdrs, method=method)

    jar = CookieJar()
    handlers = [
        urlrequest.HTTPCookieProcessor(jar),
        urlrequest.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)),
    ]
    if not allow_redirects:
        handlers.append(NoRedirect())
    opener = urlrequest.build_opener(*handlers)
    try:
        resp = opener.open(req, timeout=timeout)
    except HTTPError as err:  # 4xx, 5xx (and 3xx when not following): still a response
        resp = err
    with resp:
        pieces = []
        try:
            while True:
                piece = resp.read(65536)
                if not piece:
                    break
                pieces.append(piece)
        except (TimeoutError, IncompleteRead):
            pass  # a slow server: keep what arrived
        content = b"".join(pieces)
        if resp.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        return {
            "status": resp.code,
            "headers": list(resp.headers.items()),
            "body": content,
            "cookies": {cookie.name: cookie.value for cookie in jar},
        }
