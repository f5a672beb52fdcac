"""Known-bad http.client: returns a tuple (status, headers, body, cookies), not the dict.

Bug: the student returns the four values the contract names, as a tuple, the way a
function with several results usually does in Python.  The contract is a dict with the
keys status, headers, body and cookies; a caller doing response["status"] gets a
TypeError.
Seed idiom: 004 "Using the Request Library" (status = resp.status_code, ...: the values
picked one by one), returned together as a tuple.

Must fail: every case that expects a response (the shape check fails first).  The timeout
and verify-https cases pass: they must raise, and do.
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
        status = r.status_code
        header_list = list(r.raw.headers.items())
        body = r.content
        return status, header_list, body, session.cookies.get_dict()
