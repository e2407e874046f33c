"""Rate limits for the public forms, counted in the database or in Redis.

By default the counts live in `buendnis.RateLimitCounter`, so they hold across
every gunicorn worker and every app server that shares the database. With
`REDIS_URL` (or `RATELIMIT_REDIS_URL`) set they live in Redis instead: one
atomic INCR per hit, expiring with its window.
"""

import functools
import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone

from buendnis.models import RateLimitCounter
from buendnis.tenancy import current_alliance_id


def client_ip(request):
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # Only the last entry is trustworthy: our proxy appended the address it saw.
        # Everything before it came from the visitor, who could name any address
        # there and so escape every limit.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


_redis_clients = {}


def _redis(url):
    if url not in _redis_clients:
        import redis

        _redis_clients[url] = redis.Redis.from_url(url)
    return _redis_clients[url]


def _hit_redis(url, key, limit, seconds, window):
    client = _redis(url)
    redis_key = f"ratelimit:{key}:{window}"
    with client.pipeline() as pipe:
        pipe.incr(redis_key)
        pipe.expire(redis_key, seconds + 60, nx=True)
        count, _ = pipe.execute()
    return count <= limit


def hit(key, limit, period=timedelta(hours=1)):
    """Count one hit for `key` of the active alliance (or of the installation, outside
    any alliance); return True while the count stays within `limit`."""
    alliance_id = current_alliance_id()
    key = f"{alliance_id or 'installation'}:{key}"
    now = timezone.now()
    seconds = int(period.total_seconds())
    window = int(now.timestamp()) // seconds * seconds
    redis_url = getattr(settings, "RATELIMIT_REDIS_URL", "")
    if redis_url:
        return _hit_redis(redis_url, key, limit, seconds, window)
    window_start = datetime.fromtimestamp(window, tz=UTC)
    counter = RateLimitCounter.objects.filter(key=key, window_start=window_start)
    # One transaction: the row stays locked from the increment to the read, so the
    # count read is this hit's own and not one that other workers have raised since.
    with transaction.atomic():
        if not counter.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RateLimitCounter.objects.create(
                        alliance_id=alliance_id, key=key, window_start=window_start, count=1
                    )
            except IntegrityError:
                counter.update(count=F("count") + 1)
        count = counter.values_list("count", flat=True).get()
    return count <= limit


def purge_old(before=None):
    before = before or timezone.now() - timedelta(days=1)
    return RateLimitCounter.objects.filter(window_start__lt=before).delete()[0]


def too_many_requests(request):
    return render(request, "429.html", status=429)


def ratelimit(scope, setting="RATELIMIT_PER_HOUR"):
    """Limit POST requests to a view per client IP address.

    The limit per hour is the named setting, read at each request. GET requests are
    never counted, so showing a form costs nothing.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and settings.RATELIMIT_ENABLED:
                limit = getattr(settings, setting)
                if not hit(f"{scope}:ip:{client_ip(request)}", limit):
                    return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def address_key(address):
    """A keyed hash of an e-mail address: the counters never hold the address itself,
    and without the SECRET_KEY nobody can test a guessed address against them."""
    normalised = address.strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalised, hashlib.sha256).hexdigest()[:32]


def email_allowed(scope, address, per_hour=None):
    """Count one submission for an e-mail address; False once it is over the limit."""
    if not settings.RATELIMIT_ENABLED:
        return True
    return hit(f"{scope}:email:{address_key(address)}", per_hour or settings.RATELIMIT_PER_HOUR)
