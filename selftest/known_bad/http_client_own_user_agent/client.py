"""Known-bad http.client: its own User-Agent replaces the caller's.

Bug: some servers turn away "Python-urllib/3.x", so the student gives the client a name of
its own, as the seed does ('User-agent' : 'none/ofyourbusiness'), with req.add_header()
after the request was built.  add_header() replaces a field of the same name, so the
User-Agent the caller passed in headers is overwritten on every request.  The other
headers go out as given.
Seed idiom: 004 "Using HTTP" (headers = {'User-agent' : ...}; request.Request(url, ...,
headers=headers)).

Must fail: http.client/custom-headers (User-Agent: netclient/0.1 instead of the given
one).  Everything else passes: no other case sets a User-Agent.
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

USER_AGENT = "netclient/0.1 (course project)"


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
    req.add_header("User-Agent", USER_AGENT)  # not Python-urllib: some sites block it

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
        content = resp.read()
        if resp.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        return {
            "status": resp.code,
            "headers": list(resp.headers.items()),
            "body": content,
            "cookies": {cookie.name: cookie.value for cookie in jar},
        }
