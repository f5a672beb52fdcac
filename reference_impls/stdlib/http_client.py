"""http.client on urllib.request: the seed's ``Request`` and ``build_opener`` (004 'Using HTTP').

The seed builds a ``Request`` with a urlencoded body and custom headers, and an opener with an
``HTTPBasicAuthHandler``.  Here one ``OpenerDirector`` is built per call from handlers that
each do one job:

- ``HTTPCookieProcessor`` with a ``CookieJar``: cookies set by a response (a redirect too) are
  sent back on the next request of the call, and the jar is what the call reports.
- ``HTTPSHandler`` with ``ssl.create_default_context(cafile=cafile)``: it verifies the
  certificate chain against ``cafile`` (None: the system store) and the host name.
- ``RedirectHandler``: follows redirects, or leaves the 3xx alone when told not to.

Two things the seed's way does not do well are done by hand: Basic credentials are sent with
the first request (``HTTPBasicAuthHandler`` sends them only in answer to a 401 challenge, a
second round trip), and a multipart body is built here (urllib has no encoder for it).

The request says ``Accept-Encoding: gzip`` (unless the caller sets its own, as requests does),
since gzip is the one coding this client undoes; a server may send gzip unasked all the same.

urllib raises ``HTTPError`` for every status outside 2xx.  An ``HTTPError`` is also the
response (status, headers, body), so it is caught and reported like any other: a 404 is an
answer, not a failure.  Timeouts, refused connections and certificates that fail
verification are failures, and raise.

``timeout`` bounds each blocking socket operation (connect, each read), as in ``requests``:
a server that stops sending raises after ``timeout`` seconds of silence.
"""

from __future__ import annotations

import base64
import gzip
import json as jsonlib  # the parameter named json shadows the module
import mimetypes
import secrets
import ssl
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from typing import Any
from urllib.error import HTTPError


def request(
    method: str,
    url: str,
    *,
    params: dict | None = None,
    data: dict | None = None,
    json: Any = None,
    headers: dict | None = None,
    cookies: dict | None = None,
    auth: tuple[str, str] | None = None,
    files: dict | None = None,
    timeout: float | None = None,
    allow_redirects: bool = True,
    cafile: str | None = None,
) -> dict:
    if params:
        url = add_query(url, params)
    req = urllib.request.Request(url, method=method.upper(), headers=headers or {})
    if files:
        body, content_type = multipart(data or {}, files)
        req.data = body
        req.add_header("Content-Type", content_type)
    elif data is not None:
        req.data = urllib.parse.urlencode(data, doseq=True).encode("ascii")
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    elif json is not None:
        req.data = jsonlib.dumps(json).encode("utf-8")
        req.add_header("Content-Type", "application/json")
    if auth is not None:
        user, password = auth
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        req.add_header("Authorization", f"Basic {token}")
    if not req.has_header("Accept-encoding"):  # add_header() stores names capitalize()d
        req.add_header("Accept-Encoding", "gzip")  # the one coding decoded below

    jar = CookieJar()
    opener = urllib.request.build_opener(
        # Handlers given here replace build_opener()'s defaults of the same class.
        CookieProcessor(jar, cookies or {}),
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)),
        RedirectHandler(follow=allow_redirects),
    )
    try:
        response = opener.open(req, timeout=timeout)
    except HTTPError as error:  # a status outside 2xx: still a response
        response = error
    with response:
        # HEAD: http.client knows the response has no body, so read() returns b"".
        body = response.read()
        if body and response.headers.get("Content-Encoding", "").lower() in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        return {
            "status": response.status,
            "headers": list(response.headers.items()),  # every line, repeats included
            "body": body,
            "cookies": {cookie.name: cookie.value for cookie in jar},
        }


def add_query(url: str, params: dict) -> str:
    """Append params to the URL's query (after any query it has), percent-encoded as UTF-8."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.urlencode(params, doseq=True)  # a space becomes '+', '&' '%26'
    if parts.query:
        query = f"{parts.query}&{query}"
    return urllib.parse.urlunsplit(parts._replace(query=query, fragment=""))


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    """A multipart/form-data body (RFC 7578): the form fields, then each (filename, bytes)."""
    boundary = secrets.token_hex(16)  # random: it cannot occur in the parts by accident
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{quote(name)}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content) in files.items():
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{quote(name)}"; filename="{quote(filename)}"'
            f"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        if isinstance(content, str):
            content = content.encode()
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def quote(name: str) -> str:
    """A name or filename inside a quoted-string: the escapes of the HTML form encoder."""
    return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


class CookieProcessor(urllib.request.HTTPCookieProcessor):
    """The jar's cookies plus the caller's own, on every request of the call.

    The caller's cookies go in the Cookie header, not in the jar: the jar holds what the
    server set, which is what the call reports.
    """

    def __init__(self, jar: CookieJar, extra: dict) -> None:
        super().__init__(jar)
        self.extra = "; ".join(f"{name}={value}" for name, value in extra.items())

    def http_request(self, request):
        request = super().http_request(request)  # adds the jar's Cookie header, if any
        if self.extra:
            jar_cookies = request.get_header("Cookie")
            both = f"{jar_cookies}; {self.extra}" if jar_cookies else self.extra
            # Unredirected: rebuilt for each request, so a redirect does not send it twice.
            request.add_unredirected_header("Cookie", both)
        return request

    https_request = http_request


class RedirectHandler(urllib.request.HTTPRedirectHandler):
    def __init__(self, follow: bool) -> None:
        self.follow = follow

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not self.follow:
            return None  # the 3xx then comes back as an HTTPError: the response itself
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        # The new request copies every header: credentials go only back to the same origin.
        if new is not None and origin(new.full_url) != origin(req.full_url):
            new.remove_header("Authorization")
        return new


def origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, parts.hostname, parts.port
