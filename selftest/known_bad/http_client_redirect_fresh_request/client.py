"""Known-bad http.client: follows redirects by hand with a fresh request, cookies left behind.

Bug: the student wanted the cookies each 3xx sets, so the opener does not follow redirects
and a loop does: each Location gets a brand-new Request (as urlopen(location) would make),
and the Set-Cookie fields are collected into the dict to return.  But the new requests
carry nothing from the old ones: the cookies the redirect just set are not sent to the
page it leads to (nor are the caller's headers, credentials or method), which is what a
login redirect relies on.  The returned dict is right; the conversation is not.
Seed idiom: 004 "Using HTTP" (u = request.urlopen(url)), once per hop; 004 "Using the
Request Library" passes cookies on by hand (cookies=resp1.cookies), which is forgotten.

Must fail: the redirect cases of http.client/cookies-received (/cookies, after the 302,
gets no Cookie header).  /redirect/2 is followed correctly, being plain GETs.
"""

import base64
import gzip
import json as jsonlib
import ssl
import uuid
from urllib import parse
from urllib import request as urlrequest
from urllib.error import HTTPError

REDIRECTS = (301, 302, 303, 307, 308)


class NoRedirect(urlrequest.HTTPRedirectHandler):
    """Leaves 3xx responses alone (urllib then raises them as HTTPError): the loop
    below follows them, collecting the cookies each one sets."""

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

    context = ssl.create_default_context(cafile=cafile)
    opener = urlrequest.build_opener(urlrequest.HTTPSHandler(context=context), NoRedirect())
    received = {}  # the cookies the server set
    for _hop in range(10):
        try:
            resp = opener.open(req, timeout=timeout)
        except HTTPError as err:  # 4xx, 5xx and every 3xx: still a response
            resp = err
        for set_cookie in resp.headers.get_all("Set-Cookie") or []:
            name, _, value = set_cookie.split(";")[0].partition("=")
            received[name.strip()] = value.strip()
        location = resp.headers.get("Location")
        if not (allow_redirects and resp.code in REDIRECTS and location):
            break
        resp.close()
        req = urlrequest.Request(parse.urljoin(req.full_url, location))
    with resp:
        content = resp.read()
        if resp.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        return {
            "status": resp.code,
            "headers": list(resp.headers.items()),
            "body": content,
            "cookies": received,
        }
