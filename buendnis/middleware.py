from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.shortcuts import render


class DatabaseUnavailableMiddleware:
    """Answer with a German 503 page while the database cannot be reached.

    Closing the broken connections lets the next request reconnect, so the
    portal recovers on its own once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
            if connection.connection is not None and not connection.is_usable():
                connection.close()
        response = render(request, "503.html", {"alliance": None}, status=503)
        response["Retry-After"] = "30"
        return response
