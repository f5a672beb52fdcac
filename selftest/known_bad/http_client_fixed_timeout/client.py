"""Known-bad http.client: a fixed timeout instead of the caller's.

Bug: the student tested against a fast server, found that timeout=1 "works", and wrote it
into the call: the timeout argument is accepted and never used.  Every server that never
answers still makes the call raise after a second, so the timeout cases pass; a server that
is merely slow (it answers after 1.5 s, well within the 3 s the caller allowed) makes it
raise when it should have waited.
Seed idiom: 004 "Using the Request Library" (requests.get(url, ...)); 000 "Timeouts" says
the caller decides how long to wait.

Must fail: http.client/timeout[slow-answer-*] (raises after 1 s).  Everything else passes.
"""

import requests

TIMEOUT = 1  # seconds: "enough for any server"


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
            timeout=TIMEOUT,
            allow_redirects=allow_redirects,
            verify=cafile if cafile else True,
        )
        return {
            "status": r.status_code,
            "headers": list(r.raw.headers.items()),
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
