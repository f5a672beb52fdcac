"""Known-bad http.client: certificate verification switched off (verify=False).

Bug: the first HTTPS request failed with SSLError: CERTIFICATE_VERIFY_FAILED (the student
had not passed cafile yet), and the answer found online was verify=False.  It "works": the
connection is encrypted, but with whoever answers.  A certificate from an unknown CA or
for another host is accepted and the request (cookies, credentials and all) is sent.
requests prints an InsecureRequestWarning on stderr for every such request.
Seed idiom: 004 "Using the Request Library" (requests.get(url, ...)), with verify=False;
the seed's "Working with SSL" client insists on cert_reqs=ssl.CERT_REQUIRED.

Must fail: http.client/verify-https (both certificates are accepted and the request is
sent).  Every valid https case passes: nothing is checked, so nothing fails.
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
            verify=False,  # "fixes" SSLError: CERTIFICATE_VERIFY_FAILED
        )
        return {
            "status": r.status_code,
            "headers": list(r.raw.headers.items()),
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
