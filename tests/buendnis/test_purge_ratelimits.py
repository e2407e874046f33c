import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from buendnis.models import RateLimitCounter
from buendnis.ratelimit import hit


def test_purge_ratelimits_deletes_only_old_counters(db):
    hit("sign:ip:203.0.113.9", limit=5)
    RateLimitCounter.objects.create(
        key="1:sign:ip:203.0.113.9", window_start=timezone.now() - timedelta(days=2), count=9
    )
    out = io.StringIO()
    call_command("purge_ratelimits", stdout=out)
    assert "1 alte Zähler gelöscht" in out.getvalue()
    [remaining] = RateLimitCounter.objects.all()
    assert remaining.count == 1
