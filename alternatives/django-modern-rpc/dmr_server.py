"""XML-RPC server on django-modern-rpc, a Django app, served by waitress: serve(host, port).

django-modern-rpc's RpcServer holds the procedures (register_procedure) and gives a Django
view (RpcServer.view) that picks its XML-RPC handler by Content-Type (text/xml or
application/xml; its JSON-RPC handler stays registered too, as by default) and answers every
error as a Fault; its default RpcServer(register_system_procedures=True) adds
system.listMethods, system.methodSignature, system.methodHelp and system.multicall.  The view
is routed at "" (the path /) and "RPC2" in this module's urlpatterns, the project's
ROOT_URLCONF; Django answers 404 for any other path.

The Django project is this module: settings.configure() with DEBUG off, ALLOWED_HOSTS for the
address served, "modernrpc" as the only installed app, no middleware (nothing here needs
sessions, CSRF or auth; modern-rpc's view is csrf_exempt anyway), then django.setup().
Every other setting is Django's default, so request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE
(2.5 MB) are refused by Django with 400 before the view runs.  The WSGI application
(django.core.wsgi.get_wsgi_application) is served by waitress.serve with waitress's defaults
(one I/O loop, four worker threads): Django's deployment documentation asks for a
production WSGI server (it names Gunicorn, uWSGI and mod_wsgi; waitress is the one this
project already runs), and documents its own runserver as for development only.
"""

import django
from django.conf import settings
from django.urls import path

urlpatterns = []


def serve(host, port):
    settings.configure(
        DEBUG=False,
        ALLOWED_HOSTS=[host, "localhost"],
        SECRET_KEY="not-used-no-sessions-or-signing",
        ROOT_URLCONF=__name__,
        INSTALLED_APPS=["modernrpc"],
        MIDDLEWARE=[],
    )
    django.setup()

    from django.core.wsgi import get_wsgi_application
    from modernrpc.server import RpcServer
    from waitress import serve as waitress_serve

    server = RpcServer()

    @server.register_procedure
    def add(x, y):
        return x + y

    urlpatterns[:] = [path("", server.view), path("RPC2", server.view)]
    waitress_serve(get_wsgi_application(), host=host, port=port)
