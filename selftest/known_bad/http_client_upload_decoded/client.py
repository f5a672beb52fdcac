"""Known-bad http.client: the multipart body is built as text, so the file is re-encoded.

Bug: the student builds the multipart/form-data body as a str (f-strings are easier) and
encodes it as UTF-8 at the end.  The file's bytes have to go into that str first:
content.decode() raised UnicodeDecodeError on a binary file, so it became
decode("latin-1"), which never fails.  But the final encode("utf-8") turns every byte from
0x80 up into two bytes: the server receives a different, longer file.  A text file in
ASCII goes through unchanged, which is why it seemed to work.
Seed idiom: 004 "Using the Request Library" (files = {'file': ('data.csv', open(...))};
requests.post(url, files=files)), done by hand on urllib (004 "Using HTTP").

Must fail: http.client/file-upload (bytes 0x80-0xff arrive as two bytes each).
Everything else passes.
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
    text = ""
    for name, value in fields.items():
        text += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        text += f"{value}\r\n"
    for name, (filename, content) in files.items():
        text += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        text += content.decode("latin-1") + "\r\n"  # decode() failed on binary files
    text += f"--{boundary}--\r\n"
    return text.encode("utf-8"), "multipart/form-data; boundary=" + boundary


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
        content = resp.read()
        if resp.headers.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        return {
            "status": resp.code,
            "headers": list(resp.headers.items()),
            "body": content,
            "cookies": {cookie.name: cookie.value for cookie in jar},
        }
