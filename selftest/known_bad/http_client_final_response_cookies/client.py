"""Known-bad http.client: returns only the final response's cookies (r.cookies).

Bug: the student reports r.cookies, as the seed does to pass cookies on.  That jar holds
only the cookies set by the last response of the call.  When the server sets a cookie on a
redirect (a login that answers 302 with Set-Cookie, then sends you on), requests does send
it back on the next request, but r.cookies of the page at the end knows nothing of it, and
the caller is told no cookie was set.
Seed idiom: 004 "Using the Request Library" (resp2 = requests.get(url,
cookies=resp1.cookies)).

Must fail: the redirect cases of http.client/cookies-received (the cookies came with the
302; the final /cookies response sets none).  Without a redirect the 302 is the final
response, and its cookies are right.
"""

import requests


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    r = requests.request(
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
        "headers": list(r.raw.headers.items()),
        "body": r.content,
        "cookies": r.cookies.get_dict(),  # the cookies of this response only
    }
