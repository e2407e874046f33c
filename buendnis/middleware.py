from django.conf import settings
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.http import FileResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import set_urlconf

from buendnis import hosts, tenancy


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


def split_host(header):
    """("name.example.org", "8000") from a Host header, the name lower-case."""
    header = header.lower()
    if header.endswith("]"):  # an IPv6 address without port
        return header, ""
    name, colon, port = header.rpartition(":")
    if not colon or "]" in port:
        return header.rstrip("."), ""
    return name.rstrip("."), port


class AllianceMiddleware:
    """Serve the alliance the host name belongs to, in its scope (`buendnis.tenancy`).

    - The installation's own domain (`SERVICE_DOMAIN`) serves the alliance finder and
      the Servicestelle (`SERVICE_URLCONF`), in no alliance's scope.
    - An alias redirects to the alliance's main domain (301), path and query kept.
    - A host of no alliance gets a neutral 404 that names nobody.
    - A suspended alliance answers with a neutral 503.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in settings.TENANCY_EXEMPT_PATHS:
            return self.get_response(request)
        # Django's own check first: a host not in ALLOWED_HOSTS raises DisallowedHost,
        # which Django answers with 400 (and logs); an allowed host of no alliance
        # gets the neutral 404 below.
        # Kept for the page cache's key: Django checks the host anew on each get_host().
        request.validated_host = request.get_host()
        host, port = split_host(request.validated_host)
        if settings.SERVICE_DOMAIN and host == settings.SERVICE_DOMAIN:
            return self.service_desk(request)
        try:
            alliance, main_domain = hosts.resolve(host)
        except (OperationalError, InterfaceError) as error:
            return DatabaseUnavailableMiddleware(self.get_response).process_exception(request, error)
        if main_domain:
            port = f":{port}" if port else ""
            return HttpResponsePermanentRedirect(f"{request.scheme}://{main_domain}{port}{request.get_full_path()}")
        if alliance is None:
            return render(request, "tenancy/unknown_host.html", status=404)
        if alliance.is_suspended:
            return self.suspended(request)
        return self.in_scope(request, alliance)

    def service_desk(self, request):
        # Set now, not only when the view is resolved: the middleware below
        # (admin security, second factor) reverses URLs of this urlconf too.
        request.urlconf = settings.SERVICE_URLCONF
        set_urlconf(request.urlconf)
        request.alliance = None
        return self.get_response(request)

    @staticmethod
    def suspended(request):
        response = render(request, "tenancy/suspended.html", status=503)
        # A state the Servicestelle chose, not a fault: no error in the log per visit.
        response._has_been_logged = True
        return response

    def in_scope(self, request, alliance):
        request.alliance = alliance
        with tenancy.activate(alliance):
            response = self.get_response(request)
        if response.streaming and not isinstance(response, FileResponse):
            # The server reads a streamed body after this method has returned, outside
            # the scope: each chunk is made in the alliance's scope again.
            response.streaming_content = tenancy.each_in_scope(alliance, response.streaming_content)
        return response
