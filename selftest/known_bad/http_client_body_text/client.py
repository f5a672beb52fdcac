"""Known-bad http.client: returns the body as text (r.text), not bytes.

Bug: the seed's HEAD example ends with text = resp.text, so the student returns r.text:
the body decoded with the charset of the Content-Type, or with a guessed one.  It looks
right for JSON, but it is a str, not the bytes the server sent, and a binary body is
mangled for good (bytes that are not valid in the guessed encoding become U+FFFD).
Seed idiom: 004 "Using the Request Library" ("resp.text gives you the Unicode decoded
text ... resp.content, you get the raw binary content").

Must fail: every case that expects a response (the contract says body is bytes: the shape
check fails first).  The timeout and verify-https cases pass: they must raise, and do.
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
            "headers": list(r.raw.headers.items()),
            "body": r.text,  # the decoded text of the response
            "cookies": session.cookies.get_dict(),
        }
