"""Rate limits for the public forms, counted in the database.

The counts live in `buendnis.RateLimitCounter`, so they hold across every
gunicorn worker and every app server that shares the database.
"""

import functools
from datetime import UTC, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone


def client_ip(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # The proxy appends the client it saw last; the first entry is the client.
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(key, limit, period=timedelta(hours=1)):
    """Count one hit for `key`; return True while the count stays within `limit`."""
    from buendnis.models import RateLimitCounter

    now = timezone.now()
    seconds = int(period.total_seconds())
    window_start = timezone.datetime.fromtimestamp(
        int(now.timestamp()) // seconds * seconds, tz=UTC
    )
    updated = RateLimitCounter.objects.filter(key=key, window_start=window_start).update(
        count=F("count") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                RateLimitCounter.objects.create(key=key, window_start=window_start, count=1)
        except IntegrityError:
            RateLimitCounter.objects.filter(key=key, window_start=window_start).update(
                count=F("count") + 1
            )
    count = (
        RateLimitCounter.objects.filter(key=key, window_start=window_start)
        .values_list("count", flat=True)
        .first()
    )
    return (count or 0) <= limit


def purge_old(before=None):
    from buendnis.models import RateLimitCounter

    before = before or timezone.now() - timedelta(days=1)
    return RateLimitCounter.objects.filter(window_start__lt=before).delete()[0]


def too_many_requests(request):
    return render(request, "429.html", status=429)


def ratelimit(scope, per_hour=None):
    """Limit POST requests to a view per client IP address.

    `per_hour` defaults to settings.RATELIMIT_PER_HOUR. GET requests are never
    counted, so showing a form costs nothing.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and settings.RATELIMIT_ENABLED:
                limit = per_hour or settings.RATELIMIT_PER_HOUR
                if not hit(f"{scope}:ip:{client_ip(request)}", limit):
                    return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
