"""Known-bad http.client: form data is sent as JSON.

Bug: "web APIs speak JSON", so the student passes the form fields to requests as json=
(json=data if data is not None else json).  The body is then {"name": ...} with
Content-Type: application/json, and the server finds no form fields at all.  With files=,
requests builds the multipart body from data= only, which is now None: the file goes, the
form fields beside it are lost.
Seed idiom: 004 "Using the Request Library" (requests.post(url, ...)), with the seed's
"Using HTTP" form POST (parse.urlencode(parms)) turned into a JSON body.

Must fail: http.client/post-form (Content-Type is application/json), the PUT and PATCH
cases of http.client/methods (their form data arrives as JSON: form is {}), and
http.client/file-upload (the 'course' field is missing).  DELETE, OPTIONS and real json=
posts pass.
"""

import requests


def request(method, url, *, params=None, data=None, json=None, headers=None, cookies=None,
            auth=None, files=None, timeout=None, allow_redirects=True, cafile=None):
    with requests.Session() as session:
        r = session.request(
            method,
            url,
            params=params,
            json=data if data is not None else json,  # the API wants JSON
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
