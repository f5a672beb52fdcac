"""xmlrpc.server: ``serve(host, port)`` exposes ``add(x, y)`` over XML-RPC at ``/`` and
``/RPC2``.

Calls go through the standard library's ``xmlrpc.client`` (a real client, with a deadline on
every read: ``fixtures.xmlrpcpeer``); malformed bodies, GET, other paths and oversized or
abandoned requests are raw bytes from the suite's own peer.  Faults are checked by presence
and type (an int faultCode, a string faultString), never by the text a library writes.
"""

from __future__ import annotations

import xmlrpc.client

import pytest

from fixtures.asserts import connect
from fixtures.errors import Mismatch
from fixtures.httpwire import BadResponse, read_response, request_bytes
from fixtures.requirements import MUST, SHOULD, requirement
from fixtures.xmlrpcpeer import RpcOutcome, call, multicall, proxy

SEED = "000 'XML-RPC', 'Simple XML-RPC'"
HINT_FAULT = (
    "answer with an XML-RPC Fault, not an HTTP error: SimpleXMLRPCServer's register_function "
    "turns any exception into one; dispatching by hand, catch every exception and return "
    "xmlrpc.client.dumps(xmlrpc.client.Fault(1, str(exc)), methodresponse=True)"
)


HINT_PER_REQUEST = (
    "catch errors per request (a malformed body must be answered, not end serve()); "
    "SimpleXMLRPCServer answers them with a Fault"
)


def rpc(server, timeouts, path: str = "/"):
    return proxy(server.host, server.port.number, path, timeouts.io)


def expect_value(outcome: RpcOutcome, expected: object, what: str, hint: str) -> None:
    if outcome.returned and outcome.value == expected and type(outcome.value) is type(expected):
        return
    raise Mismatch(
        expected=f"{what} to return {expected!r}",
        actual=outcome.describe(),
        hint=hint,
    )


def still_serving(server, timeouts, after: str) -> None:
    server.ensure_alive(after, hint=HINT_PER_REQUEST)
    outcome = call(rpc(server, timeouts), "add", 2, 3)
    if not (outcome.returned and outcome.value == 5):
        raise Mismatch(
            expected=f"add(2, 3) to return 5 {after}",
            actual=outcome.describe(),
            hint="handle each request on its own: an error in one must not stop the server",
        )


ADDS = {
    "int": ((2, 3), 5),
    "negative": ((-7, 3), -4),
    "float": ((1.5, 2.25), 3.75),
    "string": (("foo", "bar"), "foobar"),
    "non-ascii-string": (("héllo ", "日本"), "héllo 日本"),
    "array": (([1, "two"], [3.5]), [1, "two", 3.5]),
}


@requirement(
    "xmlrpc.server/add",
    MUST,
    "The server MUST expose add(x, y) returning x + y for ints, floats, strings (non-ASCII "
    "too) and arrays.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(ADDS))
def test_add(server, timeouts, case_name):
    args, expected = ADDS[case_name]
    expect_value(
        call(rpc(server, timeouts), "add", *args),
        expected,
        f"add{args!r}",
        "register a function add(x, y) that returns x + y (server.register_function(add))",
    )


@requirement(
    "xmlrpc.server/paths",
    MUST,
    "The server MUST answer XML-RPC calls POSTed to / and to /RPC2.",
    seed=SEED,
)
@pytest.mark.parametrize("path", ["/", "/RPC2"])
def test_paths(server, timeouts, path):
    expect_value(
        call(rpc(server, timeouts, path), "add", 20, 22),
        42,
        f"add(20, 22) at {path}",
        "SimpleXMLRPCRequestHandler.rpc_paths is ('/', '/RPC2'): keep both",
    )


FAULTS = {
    "unknown-method": ("no_such_method", (1, 2)),
    "too-few-arguments": ("add", (1,)),
    "too-many-arguments": ("add", (1, 2, 3)),
    "unrepresentable-result": ("add", (2147483647, 1)),
    "error-in-add": ("add", ("a", 1)),
}


@requirement(
    "xmlrpc.server/faults",
    MUST,
    "An unknown method, a wrong argument count, a result XML-RPC cannot carry "
    "(add(2147483647, 1): its ints are 32-bit) and an error inside add MUST each be answered "
    "with a Fault (an int faultCode, a string faultString), never an HTTP error.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", list(FAULTS))
def test_faults(server, timeouts, case_name):
    method, args = FAULTS[case_name]
    outcome = call(rpc(server, timeouts), method, *args)
    fault = outcome.fault
    if (
        fault is not None
        and isinstance(fault.faultCode, int)
        and isinstance(fault.faultString, str)
    ):
        return
    hint = HINT_FAULT
    if outcome.returned:
        hint = (
            f"{method} must fail here and the failure reach the client as a Fault: let the "
            "exception propagate (register_function turns it into one); never turn an error "
            "into a value"
        )
    if outcome.returned and case_name == "unrepresentable-result":
        hint = (
            "XML-RPC ints are 32-bit: marshalling 2147483648 must fail and become a Fault "
            "(xmlrpc.client.dumps raises OverflowError; an <i8> extension is not XML-RPC)"
        )
    elif fault is not None:
        hint = "a Fault's faultCode is an int and its faultString a string"
    raise Mismatch(
        expected=f"a Fault for {method}({', '.join(map(repr, args))})",
        actual=outcome.describe(),
        hint=hint,
    )


def _call_xml(method: str, *params: str) -> bytes:
    values = "".join(f"<param><value>{p}</value></param>" for p in params)
    return (
        f"<?xml version='1.0'?><methodCall><methodName>{method}</methodName>"
        f"<params>{values}</params></methodCall>"
    ).encode()


def _post(server, body: bytes, path: str = "/", length: int | None = None) -> bytes:
    headers = {
        "Host": f"{server.host}:{server.port.number}",
        "Content-Type": "text/xml",
        "Content-Length": str(len(body) if length is None else length),
        "Connection": "close",
    }
    return request_bytes("POST", path, headers=headers) + body


SURVIVES = {
    "not-xml": "a body that is not XML",
    "truncated-xml": "a truncated XML body",
    "wrong-root": "an XML body whose root is not methodCall",
    "empty-body": "an empty body",
    "oversized": "a 20 MB request",
    "abandoned-mid-body": "a request abandoned mid-body",
}
MALFORMED = {
    "not-xml": b"this is not XML at all",
    "truncated-xml": _call_xml("add", "<int>1</int>", "<int>2</int>")[:60],
    "wrong-root": b"<?xml version='1.0'?><html><body>add</body></html>",
    "empty-body": b"",
    "oversized": _call_xml(
        "add", "<string>" + "a" * (20 * 1024 * 1024) + "</string>", "<int>1</int>"
    ),
}


@requirement(
    "xmlrpc.server/survives",
    MUST,
    "The server MUST answer (or close) a malformed body (not XML, truncated XML, a wrong root "
    "element, an empty body), an oversized request and a request abandoned mid-body, and keep "
    "serving.",
    seed=SEED,
)
@pytest.mark.parametrize("case_name", [*MALFORMED, "abandoned-mid-body"])
def test_survives(server, timeouts, case_name):
    what = SURVIVES[case_name]
    with connect(server, timeouts.connect, doing=f"sending {what}") as stream:
        if case_name == "abandoned-mid-body":
            stream.send(
                _post(server, b"<?xml version='1.0'?><methodCall>", length=1000),
                timeout=timeouts.io,
            )
            stream.close()
        else:
            stream.send(_post(server, MALFORMED[case_name]), timeout=timeouts.io * 3)
            try:
                read_response(stream, timeout=timeouts.io * 2, method="POST")
            except BadResponse as exc:
                if not (stream.eof or stream.reset_seen):
                    server.ensure_alive(f"after {what}", hint=HINT_PER_REQUEST)
                    raise Mismatch(
                        expected=f"an answer to {what} (a Fault, an HTTP error, or closing the "
                        "connection)",
                        actual=exc.problem,
                        hint="read exactly Content-Length bytes and answer whatever they hold; "
                        "never wait for more",
                        transcript=stream.transcript,
                    ) from None
    still_serving(server, timeouts, f"after {what}")


@requirement(
    "xmlrpc.server/refuse-get",
    MUST,
    "The server MUST refuse GET with an HTTP error status (4xx or 5xx).",
    seed=SEED,
)
@pytest.mark.parametrize("path", ["/", "/RPC2"])
def test_refuse_get(server, timeouts, path):
    data = request_bytes(
        "GET", path, headers={"Host": f"{server.host}:{server.port.number}", "Connection": "close"}
    )
    hint = "XML-RPC is POST only: answer GET with 501 Not Implemented (or 405 with Allow: POST)"
    response, transcript = answer(
        server, timeouts, data, "GET", f"an HTTP error status for GET {path}", hint
    )
    if response.status < 400:
        raise Mismatch(
            expected=f"a 4xx or 5xx status for GET {path}",
            actual=response.status_line(),
            hint=hint,
            transcript=transcript,
        )


def answer(server, timeouts, data: bytes, method: str, expected: str, hint: str):
    """One raw request and its response, (response, transcript); no HTTP answer fails the
    case (a crash if the server died of it)."""
    with connect(server, timeouts.connect) as stream:
        stream.send(data, timeout=timeouts.io)
        try:
            return read_response(stream, timeout=timeouts.io, method=method), stream.transcript
        except BadResponse as exc:
            server.ensure_alive(f"answering {method}", hint=HINT_PER_REQUEST)
            raise Mismatch(
                expected=expected, actual=exc.problem, hint=hint, transcript=stream.transcript
            ) from None


@requirement(
    "xmlrpc.server/unknown-path",
    SHOULD,
    "A call POSTed to a path other than / and /RPC2 SHOULD get 404.",
    seed=SEED,
)
def test_unknown_path(server, timeouts):
    data = _post(server, _call_xml("add", "<int>1</int>", "<int>2</int>"), "/nowhere")
    hint = "check the path against ('/', '/RPC2') (SimpleXMLRPCRequestHandler.rpc_paths)"
    response, transcript = answer(
        server, timeouts, data, "POST", "404 for a call to /nowhere", hint
    )
    if response.status != 404:
        raise Mismatch(
            expected="404 for a call to /nowhere",
            actual=response.status_line(),
            hint=hint,
            transcript=transcript,
        )


@requirement(
    "xmlrpc.server/concurrent",
    SHOULD,
    "The server SHOULD answer a call while another client holds an unfinished request open.",
    seed="000 'Simple XML-RPC'; 000 'Threaded Server'",
)
def test_concurrent(server, timeouts):
    with connect(server, timeouts.connect) as stalled:
        stalled.send(
            _post(server, b"<?xml version='1.0'?><methodCall>", length=500), timeout=timeouts.io
        )
        outcome = call(rpc(server, timeouts), "add", 2, 3)
        if not (outcome.returned and outcome.value == 5):
            raise Mismatch(
                expected="add(2, 3) to return 5 while another client's request is unfinished",
                actual=outcome.describe(),
                hint="serve each connection in its own thread "
                "(class Server(socketserver.ThreadingMixIn, SimpleXMLRPCServer))",
                transcript=stalled.transcript,
            )


@requirement(
    "xmlrpc.server/introspection",
    SHOULD,
    "The server SHOULD support system.listMethods, listing add.",
    seed=SEED,
)
def test_introspection(server, timeouts):
    outcome = call(rpc(server, timeouts), "system.listMethods")
    if not (outcome.returned and isinstance(outcome.value, list) and "add" in outcome.value):
        raise Mismatch(
            expected="system.listMethods() to return a list including 'add'",
            actual=outcome.describe(),
            hint="server.register_introspection_functions()",
        )


@requirement(
    "xmlrpc.server/multicall",
    SHOULD,
    "The server SHOULD support system.multicall: each call's result in order, a failing call "
    "as a fault struct among them.",
    seed=SEED,
)
def test_multicall(server, timeouts):
    values, outcome = multicall(
        rpc(server, timeouts), [("add", (1, 2)), ("add", ("a", "b")), ("no_such_method", ())]
    )
    if (
        values is not None
        and values[:2] == [3, "ab"]
        and isinstance(values[2], xmlrpc.client.Fault)
    ):
        return
    raise Mismatch(
        expected="system.multicall to give [3], ['ab'] and a fault struct, in order",
        actual=outcome.describe() if values is None else repr(values)[:300],
        hint="server.register_multicall_functions()",
    )
