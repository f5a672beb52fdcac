"""http.client on httpx: ``request(method, url, *, ...)`` with a synchronous ``httpx.Client``.

A thin adapter: every keyword argument goes to the httpx option of the same meaning, one new
Client per call (the suite calls once per process), and the Response comes back as the
contract's dict.

- verification: ``verify=ssl.create_default_context(cafile=cafile)`` (httpx 0.28's documented
  form: ``verify=<path>`` is deprecated); without cafile httpx's default, ``verify=True``.
- timeout: ``httpx.Timeout(timeout)`` sets httpx's four timeouts (connect, read, write, pool)
  to the same value.  httpx has no deadline for the whole call: each of its timeouts bounds one
  wait (a connect, one socket read, one write).  The read timeout is the one that models "raise
  within timeout + 1 s" for a server that stops answering: no byte for ``timeout`` seconds,
  whether before the status line or in the middle of the body, is ``httpx.ReadTimeout``.  (A
  server trickling a byte every ``timeout - 0.1`` s would never trip it: httpx's documented
  per-operation design.)  None: ``httpx.Timeout(None)``, no timeout (httpx's own default would
  be 5 s).
- cookies to send: ``Client(cookies=...)``: per-request ``cookies=`` is deprecated in 0.28.
  Cookies received: ``Response.cookies`` (the Set-Cookie of that one response) of every
  response of the call, ``response.history`` (the redirects) first.  The Client's jar itself
  would also hold the cookies sent.
- headers: ``Headers.multi_items()``, httpx's multi-value view: a repeated header stays
  separate, in the order received (names lower-cased by httpx).
- body: ``Response.content``, Content-Encoding (gzip, deflate, br) undone by httpx.
"""

import ssl

import httpx


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
    verify = ssl.create_default_context(cafile=cafile) if cafile else True
    with httpx.Client(verify=verify, timeout=httpx.Timeout(timeout), cookies=cookies) as client:
        response = client.request(
            method,
            url,
            params=params,
            data=data,
            json=json,
            headers=headers,
            auth=tuple(auth) if auth else None,
            files=files,
            follow_redirects=allow_redirects,
        )
        received = {}
        for each in [*response.history, response]:
            received.update(each.cookies)
        return {
            "status": response.status_code,
            "headers": response.headers.multi_items(),
            "body": response.content,
            "cookies": received,
        }
