"""wsgi.app: the seed's ``hello_app`` (a WSGI "Hello World") done right.

The seed answers ``start_response("200 OK", [("Content-type", "test/plain")])`` and returns
``["Hello World\\n", "You requested: " + environ["PATH_INFO"]]``.  What it got wrong:

- The body is a list of ``str``: PEP 3333 bodies are ``bytes`` only (``wsgiref.validate`` and
  every Python 3 server refuse ``str``).
- "test/plain" is not a media type (a typo for "text/plain"), and no charset is given, so a
  client must guess how the text is encoded.
- PATH_INFO is the URL's bytes decoded as latin-1 (PEP 3333's "bytes as str"), so echoing it
  as it is (then encoding to UTF-8) sends ``/jalapeÃ±o`` for ``/jalape%C3%B1o``: mojibake.
  The path is re-decoded: latin-1 back to the original bytes, then UTF-8.

It also sends a Content-Length, since the body is built whole before it is returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def request_path(environ: dict[str, Any]) -> str:
    """The request path as the client meant it: PATH_INFO's latin-1 text back to bytes, as UTF-8.

    SCRIPT_NAME is included (it is the part of the path that led to this app; "" at the root).
    Bytes that are not UTF-8 (``/%FF``) become U+FFFD rather than an error: any path gets a 200.
    """
    raw = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    try:
        return raw.encode("latin-1").decode("utf-8", errors="replace")
    except UnicodeEncodeError:  # a server that already decoded it as UTF-8 (not PEP 3333)
        return raw


def hello_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    body = f"Hello World\nYou requested: {request_path(environ)}".encode()
    start_response(
        "200 OK",
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
        ],
    )
    return [body]
