"""What the WSGI suites share: the probe app a wsgi.server hosts (``probe``, installed once per
pytest process, handed to the server as its ``app``), and ``http``: one raw HTTP exchange with
the server under test, its response read under a deadline (``fixtures.httpwire``), a reply
that is not HTTP failing the case with the server's output."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fixtures.asserts import connect
from fixtures.errors import Mismatch
from fixtures.httpwire import BadResponse, Response, read_response
from fixtures.servers import RoleArgs
from fixtures.transcript import Transcript
from fixtures.wsgiprobe import Probe


@pytest.fixture(scope="session")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Probe:
    return Probe.install(tmp_path_factory.mktemp("wsgi-probe", numbered=True))


@pytest.fixture(scope="session")
def role_args(probe: Probe) -> RoleArgs:
    return {"app": probe.app}


Exchange = Callable[..., tuple[Response, Transcript]]


@pytest.fixture
def http(timeouts) -> Exchange:
    def exchange(
        server,
        data: bytes,
        *,
        method: str = "GET",
        timeout: float | None = None,
        doing: str = "",
        hint: str = "",
        explain: Callable[[], str] | None = None,
    ) -> tuple[Response, Transcript]:
        """Send ``data`` on a new connection and read one response.  A reply that is not
        one fails the case with what came (the status line, when the body went wrong), what
        ``explain`` adds (asked while the connection is still open), and what the server
        wrote to its output during the exchange."""
        line = data.split(b"\r\n")[0].decode("latin-1")
        doing = doing or f"answering {line!r}"
        mark = server.output_mark()
        with connect(server, timeouts.connect, doing=doing) as stream:
            stream.send(data, timeout=timeouts.io)
            try:
                response = read_response(stream, timeout=timeout or timeouts.io, method=method)
            except BadResponse as exc:
                why = explain() if explain is not None else ""
                server.ensure_alive(doing)
                output = server.stderr_since(mark).strip()
                actual = exc.problem
                if exc.head is not None:
                    actual = f"'{exc.head.status_line()}' and its headers, then {actual}"
                raise Mismatch(
                    expected=f"an HTTP response to {line!r}",
                    actual=f"{why} ({actual})" if why else actual,
                    hint=hint
                    or "answer every request with a status line, headers and a body framed by "
                    "Content-Length or chunked encoding",
                    transcript=stream.transcript,
                    extra=f"server output during this request:\n{output[-3000:]}" if output else "",
                ) from None
            return response, stream.transcript

    return exchange
