"""http.client on urllib3 v2: ``request(method, url, *, ...)`` with a ``urllib3.PoolManager``.

urllib3 does the HTTP: url-encoded and multipart bodies (``request_encode_body``), JSON
(``json=``), Basic credentials (``make_headers``), redirects, timeouts, certificate
verification, gzip.  Query parameters are urlencode()d into the URL, urllib3's documented
recipe for a query on a method other than GET/HEAD/DELETE/OPTIONS (its ``fields=`` would do the
same for those, but only on a URL without a query yet).

urllib3 has no cookie jar, by design.  The glue is the standard library's
``http.cookiejar.CookieJar``, which urllib3's responses are made to work with
(``HTTPResponse.info()`` and ``HTTPHeaderDict.get_all``, "for http.cookiejar").  The redirects
stay urllib3's own (``PoolManager.urlopen``: its redirect count, 303 -> GET, Authorization and
Cookie dropped on a move to another host); the jar hooks into two places urllib3 offers:

- ``PoolManager.urlopen`` runs once per request of the call (PoolManager follows a redirect by
  calling ``self.urlopen`` again): the subclass adds the jar's cookies for that URL to the
  ``Cookie`` header, after the caller's ``cookies`` (``name=value; ...``) for as long as urllib3
  keeps the caller's Cookie header, and notes the response.
- ``Retry.increment(response=...)`` is called with each redirect response before PoolManager
  drains it and follows it: the subclass gives its Set-Cookie to the jar.

The cookies returned are those the jar's parser (``CookieJar.make_cookies``) reads from every
response of the call: the redirects' and the last one.
"""

import http.cookiejar
import urllib.request
from urllib.parse import urlencode

import urllib3


class _CookiePoolManager(urllib3.PoolManager):
    """A PoolManager with a cookie jar for one call."""

    def __init__(self, given_cookie, retries, **kwargs):
        pool = self

        class Retry(urllib3.Retry):
            # Retry.new() makes each next Retry as type(self)(**params): the subclass stays.
            def increment(self, method=None, url=None, response=None, *args, **kwargs):
                if response is not None:  # a response urllib3 moves on from: a redirect
                    pool.responses.append((response, url))
                    pool.jar.extract_cookies(response, urllib.request.Request(url))
                return super().increment(method, url, response, *args, **kwargs)

        super().__init__(retries=Retry(**retries), **kwargs)
        self.jar = http.cookiejar.CookieJar()
        self.given_cookie = given_cookie
        self.responses = []  # (response, url): every response of the call, in order

    def urlopen(self, method, url, redirect=True, **kw):
        headers = urllib3.HTTPHeaderDict(kw.get("headers", self.headers))
        parts = [self.given_cookie] if self.given_cookie and "Cookie" in headers else []
        view = urllib.request.Request(url)
        self.jar.add_cookie_header(view)
        if view.get_header("Cookie"):
            parts.append(view.get_header("Cookie"))
        headers.discard("Cookie")
        if parts:
            headers["Cookie"] = "; ".join(parts)
        kw["headers"] = headers
        response = super().urlopen(method, url, redirect, **kw)
        if not self.responses or self.responses[-1][0] is not response:
            self.responses.append((response, url))  # the last one (outer hops see it again)
        return response

    def cookies_set(self):
        received = {}
        for response, url in self.responses:
            made = self.jar.make_cookies(response, urllib.request.Request(url))
            received.update((cookie.name, cookie.value) for cookie in made)
        return received


def request(
    method,
    url,
    *,
    params=None,
    data=None,
    json=None,
    headers=None,
    cookies=None,
    auth=None,
    files=None,
    timeout=None,
    allow_redirects=True,
    cafile=None,
):
    given = "; ".join(f"{name}={value}" for name, value in (cookies or {}).items())
    pool = _CookiePoolManager(
        given,
        # urllib3 retries a failed attempt by default (Retry(3)): a read timeout on a GET
        # would be tried 4 times over.  connect=0, read=0, other=0: a failure is raised at
        # once; total=3 keeps urllib3's default bound on redirects.
        retries={"total": 3, "connect": 0, "read": 0, "other": 0},
        # The connect timeout and the read timeout (each wait for bytes), each `timeout`.
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        ca_certs=cafile,  # None: the default store (SSLContext.load_default_certs())
    )
    sent = dict(headers or {})
    if auth:
        sent.update(urllib3.make_headers(basic_auth="{}:{}".format(*auth)))
    if given:
        sent["Cookie"] = given
    if params:
        url += ("&" if "?" in url else "?") + urlencode(params)
    with pool:
        if data is not None or files:
            response = pool.request_encode_body(
                method,
                url,
                fields={**(data or {}), **(files or {})},
                headers=sent,
                encode_multipart=bool(files),
                redirect=allow_redirects,
            )
        else:
            response = pool.request(method, url, json=json, headers=sent, redirect=allow_redirects)
        return {
            "status": response.status,
            "headers": list(response.headers.iteritems()),
            "body": response.data,
            "cookies": pool.cookies_set(),
        }
