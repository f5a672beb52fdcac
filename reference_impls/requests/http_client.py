"""http.client on requests: the seed's "Using the Request Library" (004 'Using HTTP').

One ``Session`` per call: its cookie jar collects every cookie the server sets during the
call, the redirects' included (the seed passes ``resp1.cookies`` on by hand instead), and
sends them back on the following requests.

- ``verify``: a path is the CA bundle to trust; True is the default store (certifi).
- ``timeout`` bounds the connection and each read, not the whole call.
- ``r.content`` is the body with gzip (and deflate) undone; a HEAD has none.
- The headers come from ``r.raw.headers`` (urllib3's), which keeps a repeated header as
  separate lines; ``r.headers`` joins them into one "a, b".
- A status outside 2xx is a response like any other: requests raises only when asked
  (``raise_for_status()``), on a timeout, a refused connection or a failed verification.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.utils import dict_from_cookiejar


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
    with requests.Session() as session:
        r = session.request(
            method,
            url,
            params=params,
            data=data,
            json=json,
            headers=headers,
            cookies=cookies,  # sent with this call's requests, not stored in session.cookies
            auth=auth,
            files=files,
            timeout=timeout,
            allow_redirects=allow_redirects,
            verify=cafile or True,
        )
        return {
            "status": r.status_code,
            "headers": list(r.raw.headers.items()),
            "body": r.content,
            # Not dict(session.cookies): that raises when two cookies share a name.
            "cookies": dict_from_cookiejar(session.cookies),
        }
