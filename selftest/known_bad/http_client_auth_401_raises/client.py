"""Known-bad http.client: wrong credentials raise instead of returning the 401.

Bug: the student authenticates the seed's way (an HTTPBasicAuthHandler with a password
manager, which answers the server's 401 challenge) and returns other error statuses as
responses, but treats a 401 as a failed login that the caller "must not miss": the
HTTPError is re-raised.  The contract says a 401 is a response like a 404.
Seed idiom: 004 "Using HTTP", the Summary's urllib login (HTTPBasicAuthHandler,
add_password, build_opener(auth)), with realm None so any realm matches.

Must fail: the wrong-password cases of http.client/basic-auth (urllib.error.HTTPError:
401 is raised).  The right password passes (the handler answers the challenge), and so do
403, 404, 500 and 501.
"""

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
    req = urlrequest.Request(url, body, headers=hdrs, method=method)

    jar = CookieJar()
    handlers = [
        urlrequest.HTTPCookieProcessor(jar),
        urlrequest.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)),
    ]
    if not allow_redirects:
        handlers.append(NoRedirect())
    if auth:
        passwords = urlrequest.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, auth[0], auth[1])
        handlers.append(urlrequest.HTTPBasicAuthHandler(passwords))
    opener = urlrequest.build_opener(*handlers)
    try:
        resp = opener.open(req, timeout=timeout)
    except HTTPError as err:
        if err.code == 401:
            raise  # wrong user name or password: the caller must know
        resp = err  # 404, 500...: still a response
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
