"""http.client on aiohttp: ``request(method, url, *, ...)``, an ``aiohttp.ClientSession``
behind a synchronous wrapper (``asyncio.run()`` once per call).

A thin adapter: every keyword argument goes to the aiohttp option of the same meaning, one new
ClientSession per call (the suite calls once per process), and the ClientResponse comes back as
the contract's dict.

- verification: ``ssl=ssl.create_default_context(cafile=cafile)``, aiohttp's documented way to
  verify against a given CA; without cafile aiohttp's default (``ssl=True``).
- timeout: ``aiohttp.ClientTimeout(total=timeout)``.  ``total`` is aiohttp's deadline for the
  whole operation, "including connection establishment, request sending and response
  reading" (the timer stays armed until the body is read and the connection released), which
  is exactly "raise within timeout + 1 s".  aiohttp rounds a timeout of ``ceil_threshold`` (5)
  seconds or more up to the loop clock's next whole second, so it may fire up to 1 s late then.
  None: ``ClientTimeout(total=None)``, no timeout (aiohttp's own default is 5 minutes).
- form fields with files: ``aiohttp.FormData`` (the documented way to build a multipart body
  of fields and files); a plain ``data`` dict is sent url-encoded by aiohttp itself.
- cookies to send: ``ClientSession(cookies=...)``.  The session's jar is
  ``aiohttp.CookieJar(unsafe=True)``: aiohttp's default jar keeps no cookie from a host given
  as an IP address (``update_cookies_from_headers``: ``if not self._unsafe and
  is_ip_address(hostname): return``), so a cookie set by ``http://127.0.0.1:.../cookies/set``
  was not sent on the redirect it answers; aiohttp's documentation ("Cookie Safety") gives
  RFC 2109 as the reason and ``unsafe=True`` as the way to accept such cookies.
- cookies received: ``ClientResponse.cookies`` (the Set-Cookie of that one response) of every
  response of the call, ``response.history`` (the redirects) first.
- headers: ``ClientResponse.headers`` is a ``CIMultiDictProxy``: ``items()`` gives every
  header line, a repeated header separately, in the order received.
- body: ``await response.read()``, Content-Encoding undone by aiohttp (auto_decompress).
"""

import asyncio
import ssl

import aiohttp


async def _request(
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
    if files:
        form = aiohttp.FormData()
        for name, value in (data or {}).items():
            form.add_field(name, value)
        for name, (filename, content) in files.items():
            form.add_field(name, content, filename=filename)
        data = form
    async with (
        aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=timeout),
            cookies=cookies,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
        ) as session,
        session.request(
            method,
            url,
            params=params,
            data=data,
            json=json,
            headers=headers,
            auth=aiohttp.BasicAuth(*auth) if auth else None,
            allow_redirects=allow_redirects,
            ssl=ssl.create_default_context(cafile=cafile) if cafile else True,
        ) as response,
    ):
        body = await response.read()
        received = {}
        for each in [*response.history, response]:
            received.update((name, morsel.value) for name, morsel in each.cookies.items())
        return {
            "status": response.status,
            "headers": list(response.headers.items()),
            "body": body,
            "cookies": received,
        }


def request(method, url, **arguments):
    """The contract's ``request(method, url, *, params, data, json, headers, cookies, auth,
    files, timeout, allow_redirects, cafile)``: ``_request`` on an event loop of its own."""
    return asyncio.run(_request(method, url, **arguments))
