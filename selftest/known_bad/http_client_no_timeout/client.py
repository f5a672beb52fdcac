"""Known-bad http.client: the timeout is never passed to urllib.

Bug: the seed calls u = request.urlopen(url) without a timeout, and so does the student's
opener.open(req): the timeout parameter is taken and ignored.  Without one, a socket blocks
for as long as the server keeps the connection open, so a server that accepts and never
answers, or stops in the middle of the body, keeps the client waiting forever.
Seed idiom: 004 "Using HTTP" (u = request.urlopen(...); resp = u.read()); 000 "Timeouts"
("most socket operations block indefinitely").

Must fail: http.client/timeout (it hangs until the harness stops it).  Everything else
passes: the other servers answer.
"""

import base64
import gzip
import json as jsonlib
import ssl
import uuid
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
        resp = opener.open(req)
    except HTTPError as err:  # 4xx, 5xx (and 3xx when not following): still a response
        resp = err
    with resp:
        content = resp.read()
        if resp.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        return {
            "status": resp.code,
            "headers": list(resp.headers.items()),
            "body": content,
            "cookies": {cookie.name: cookie.value for cookie in jar},
        }
