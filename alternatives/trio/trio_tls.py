"""TLS on trio: tls.echo ``serve(host, port, certfile, keyfile, cafile)`` and tls.client
``fetch(host, port, request, cafile, server_hostname, timeout)``.

serve: trio.serve_ssl_over_tcp() wraps each accepted connection in a trio.SSLStream and
starts the handler in its own task, where the handshake runs on first use: a client that
never finishes its handshake holds up only its own task.  The handler is trio_echo's: echo
until the client's close_notify (the async iteration ends), then serve_listeners closes the
stream (SSLStream.aclose(): close_notify, then the TCP close).  A failed handshake, a reset
or a refused client certificate is trio.BrokenResourceError in that handler: caught there,
since an exception out of a handler would end serve_ssl_over_tcp (its documented warning).

fetch: trio.open_ssl_over_tcp_stream() would verify (and send as SNI) the host it connects
to, so the TCP stream is opened to host and wrapped with trio.SSLStream(...,
server_hostname=server_hostname) by hand.  trio.fail_after() bounds the whole call, the
handshake included.  https_compatible stays False (the default): an EOF without the
server's close_notify is trio.BrokenResourceError, not the end of the response.
"""

import ssl
from functools import partial

import trio
from trio_echo import echo


def serve(host, port, certfile, keyfile, cafile=None):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certfile, keyfile)
    if cafile:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cafile)
    trio.run(partial(trio.serve_ssl_over_tcp, echo, port, context, host=host))


async def _fetch(host, port, request, cafile, server_hostname, timeout):
    context = ssl.create_default_context(cafile=cafile)
    with trio.fail_after(timeout):
        tcp = await trio.open_tcp_stream(host, port)
        async with trio.SSLStream(tcp, context, server_hostname=server_hostname) as stream:
            await stream.send_all(request)
            return b"".join([chunk async for chunk in stream])


def fetch(host, port, request, cafile, server_hostname, timeout):
    return trio.run(_fetch, host, port, request, cafile, server_hostname, timeout)
