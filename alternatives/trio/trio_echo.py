"""Echo server on trio: serve(host, port).

trio.serve_tcp() runs one task per connection in a nursery, all on trio's single-threaded
run loop (epoll).  The handler reads until the client's EOF (the async iteration ends) and
sends back each chunk with send_all(); when it returns, serve_tcp closes the stream, so a
client's half-close gets the rest of its echo and then a FIN.
"""

from functools import partial

import trio


async def echo(stream):
    try:
        async for data in stream:
            await stream.send_all(data)
    except trio.BrokenResourceError:  # the client reset the connection: drop it only
        pass


def serve(host, port):
    # open_tcp_listeners sets SO_REUSEADDR; a numeric host needs no resolver thread.
    trio.run(partial(trio.serve_tcp, echo, port, host=host))
