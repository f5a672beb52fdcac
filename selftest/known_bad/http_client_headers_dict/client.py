"""Known-bad http.client: returns the headers as a dict (dict(r.headers)).

Bug: the seed reads the headers like a dict (resp.headers['last-modified']), so the student
returns dict(r.headers).  A dict keeps one value per name: a field the server sent twice
is folded ("a, b" by requests) or lost, and the order and the repeats are gone.  The
contract asks for the list of (name, value) pairs as received.
Seed idiom: 004 "Using the Request Library" (resp.headers['content-type']).

Must fail: every case that expects a response (the contract says headers is a list of
pairs: the shape check fails first).  The timeout and verify-https cases pass: they must
raise, and do.
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
        return {
            "status": r.status_code,
            "headers": dict(r.headers),
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
