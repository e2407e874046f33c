"""HTTP for the open data (API, feeds, sitemap, downloads): ETag and Last-Modified, so
that a program polling them gets 304 while nothing changed, and CORS for GET on the
API, so that other websites' scripts may read it."""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date

from buendnis import pagecache
from buendnis.tenancy import current_alliance_id

PREFIXES = ("/api/", "/sitemap.xml", "/open-data/")
SUFFIXES = (".atom", ".ics")
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Max-Age": "86400",
}


def is_open_data(path):
    return path.startswith(PREFIXES) or path.endswith(SUFFIXES)


class OpenDataMiddleware:
    """Place after AllianceMiddleware and before the page cache (so that cached answers
    are conditional too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        api = path.startswith("/api/")
        if api and request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if api:
            for name, value in CORS.items():
                response[name] = value
        if (
            request.method in ("GET", "HEAD") and response.status_code == 200
            and not response.streaming and is_open_data(path) and current_alliance_id()
        ):
            if not response.has_header("ETag"):
                set_response_etag(response)
            changed = pagecache.last_change()
            if changed and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(changed.timestamp())
            response = get_conditional_response(
                request, etag=response["ETag"], last_modified=changed and int(changed.timestamp()),
                response=response,
            )
        return response
