"""Known-bad http.client: the query string is glued together by hand, nothing encoded.

Bug: the student builds the URL as url + "?" + "&".join(f"{k}={v}") and hands requests the
finished string.  requests no longer sees params, so nothing is percent-encoded: the space
in "a b&c=d" survives (requests quotes it as %20), but the '&' and '=' inside the value cut
it into two parameters, the '+' of "1+1=2" reads as a space and the '#' of "/x?y#z" starts
a fragment that never leaves the client.  (Non-ASCII is quoted as UTF-8 by requests, so
"Zoë 日本" survives.)
Seed idiom: 004 "Using HTTP" (url + '?' + querystring), with parse.urlencode(parms)
replaced by a join of its own; then "Using the Request Library" for the request.

Must fail: http.client/get-params (httpbin reads other arguments than were given).
Everything else passes: no other case has params.
"""

import requests


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    if params:
        url = url + "?" + "&".join(f"{name}={value}" for name, value in params.items())
    with requests.Session() as session:
        r = session.request(
            method,
            url,
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
            "cookies": session.cookies.get_dict(),
        }
