"""wsgi.server: the standard library's wsgiref as the seed deploys it ('WSGI Deployment'),
unchanged but for silencing its request log."""

from wsgiref import simple_server


class QuietHandler(simple_server.WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(host, port, app):
    simple_server.make_server(host, port, app, handler_class=QuietHandler).serve_forever()
