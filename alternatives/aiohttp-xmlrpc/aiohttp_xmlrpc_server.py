"""XML-RPC server on aiohttp-xmlrpc: serve(host, port).

aiohttp_xmlrpc.handler.XMLRPCView is an aiohttp class-based view that publishes its
``rpc_*`` methods (the prefix is its METHOD_PREFIX).  The view is routed, as the package's
README does, with ``add_route("*", path, view)`` at ``/`` and at ``/RPC2``; aiohttp's
router answers 404 for any other path and its View 405 for a method the view has no
handler for (XMLRPCView has only post()).  aiohttp.web.run_app serves the application on
one asyncio event loop (a coroutine per request); print=None drops its banner.  The
package offers no introspection (no system.listMethods) and no system.multicall.
"""

from aiohttp import web
from aiohttp_xmlrpc import handler


class Adder(handler.XMLRPCView):
    def rpc_add(self, x, y):
        return x + y


def serve(host, port):
    app = web.Application()
    app.router.add_route("*", "/", Adder)
    app.router.add_route("*", "/RPC2", Adder)
    web.run_app(app, host=host, port=port, print=None)
