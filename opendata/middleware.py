"""HTTP for the open data (API, feeds, calendars, sitemap, downloads): CORS for GET on
the API, so that other websites' scripts may read it, and ETag and Last-Modified, so
that a program polling them gets 304 while nothing changed.

Two parts around the page cache (buendnis.pagecache): `OpenDataHeadersMiddleware`
below it adds the headers, so a cached answer keeps them and a hit costs nothing more;
`OpenDataMiddleware` above it answers CORS preflights and conditional requests, also
for answers from the cache.
"""

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from buendnis import pagecache
from buendnis.tenancy import current_alliance_id

PREFIXES = ("/api/", "/sitemap", "/open-data/")
SUFFIXES = (".atom", ".ics")
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Max-Age": "86400",
}


def is_open_data(path):
    return path.startswith(PREFIXES) or path.endswith(SUFFIXES)


def _answers(request, response):
    return (
        request.method in ("GET", "HEAD") and response.status_code == 200 and not response.streaming
        and is_open_data(request.path) and current_alliance_id() is not None
    )


class OpenDataMiddleware:
    """Place after AllianceMiddleware and before the page cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS" and request.path.startswith("/api/"):
            return HttpResponse(status=204, headers=CORS)
        api_head = request.method == "HEAD" and request.path.startswith("/api/")
        if api_head:
            # django-ninja routes GET only: HEAD is the GET answer without its body.
            request.method = "GET"
        response = self.get_response(request)
        if api_head:
            request.method = "HEAD"
            if not response.streaming:
                length = len(response.content)
                response.content = b""
                response["Content-Length"] = str(length)
        meta = request.META
        if ("HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta) and _answers(request, response):
            changed = response.get("Last-Modified")
            response = get_conditional_response(
                request, etag=response.get("ETag"),
                last_modified=changed and parse_http_date_safe(changed), response=response,
            )
        return response


class OpenDataHeadersMiddleware:
    """Place after the page cache: what it adds is cached with the answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            for name, value in CORS.items():
                response[name] = value
        if _answers(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            changed = pagecache.last_change()
            if changed and not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(changed.timestamp())
        return response
