"""The smallest Django view, as the yardstick for `make bench` (BENCH_MINIMAL_VIEW=1 only)."""

from django.http import HttpResponse


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")
