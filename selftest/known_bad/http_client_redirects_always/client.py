"""Known-bad http.client: redirects are always followed, allow_redirects is ignored.

Bug: the student takes allow_redirects but never passes it on; requests follows redirects
by default for every method but HEAD, so a caller who asks for the 3xx itself (to read its
Location, or the cookies it sets) gets the page at the end of the chain instead.
Seed idiom: 004 "Using the Request Library" (requests.get(url)), whose defaults follow
redirects.

Must fail: the not-followed cases of http.client/redirects (three requests instead of one,
the final 200 instead of the 302) and the no-redirect cases of http.client/cookies-received
(the 302 that sets the cookies is followed to /cookies).  Everything else passes.
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
            verify=cafile if cafile else True,
        )
        return {
            "status": r.status_code,
            "headers": list(r.raw.headers.items()),
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
