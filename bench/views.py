"""The smallest Django view, as the yardstick for `make bench` (bench/urls.py)."""

from django.http import HttpResponse


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")
