"""Known-bad http.client: a timed-out request is retried, so the call outlasts its timeout.

Bug: to be "robust against flaky servers" the student mounts an HTTPAdapter with urllib3's
Retry(total=3, backoff_factor=0.5) on the session.  timeout bounds each try, not the call:
a server that accepts and never answers costs four timeouts plus the back-off sleeps
before requests gives up, far past timeout + 1 s.  (A body that stalls midway is not
retried: by then the response has been handed over, and reading its body raises after one
timeout.  A certificate that fails verification is retried too, but no request is sent.)
Seed idiom: 004 "Using the Request Library" (requests.get(url, ...)), with a retrying
adapter mounted on the session; 000 "Timeouts" says what the timeout is for.

Must fail: the no-response cases of http.client/timeout (the call takes four timeouts or
more).  The stalled-body cases pass: the read of the body raises after one timeout.
"""

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    with requests.Session() as session:
        retry = HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5))
        session.mount("http://", retry)
        session.mount("https://", retry)
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
            "body": r.content,
            "cookies": session.cookies.get_dict(),
        }
