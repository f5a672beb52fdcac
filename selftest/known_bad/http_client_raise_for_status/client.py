"""Known-bad http.client: every 4xx and 5xx status is raised as an exception.

Bug: the student calls r.raise_for_status() "so that errors don't go unnoticed".  A 404 or
a 500 is an answer the server gave, and the contract says to return it like any other; here
it becomes requests.exceptions.HTTPError, and the caller never sees the status, the headers
or the body.  Wrong credentials (401) go the same way.  (raise_for_status() leaves 3xx
alone, so the redirect cases pass.)
Seed idiom: 004 "Using the Request Library" (resp = requests.get(...); resp.status_code),
with the status checked by raise_for_status() instead of being returned.

Must fail: http.client/error-statuses (403, 404, 500, 501 are raised) and the wrong-password
cases of http.client/basic-auth (401 is raised).  Everything else passes.
"""

import requests


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    with requests.Session() as session:
        r = session.request(
            method,
            url,
            params=params,
            data=data,
            json=json,
            headers=headers,
            cookies=cookies,
            auth=auth,
            files=files,
            timeout=timeout,
            allow_redirects=allow_redirects,
            verify=cafile if cafile else True,
        )
        r.raise_for_status()  # don't let a failed request go unnoticed
        return {
            "status": r.status_code,
            "headers": list(r.raw.headers.items()),
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
