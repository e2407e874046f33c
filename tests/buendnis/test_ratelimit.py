import pytest
import redis

from buendnis import ratelimit
from buendnis.models import Alliance, RateLimitCounter
from buendnis.tenancy import activate
from tests.factories import AllianceFactory
from tests.support.processes import hit_from_processes
from tests.support.tenancy import outside_any_scope

PROCESSES = 4
HITS_PER_PROCESS = 50
LIMIT = 70


def test_database_counts_per_key(db):
    assert all(ratelimit.hit("form:ip:1.2.3.4", 2) for _ in range(2))
    assert not ratelimit.hit("form:ip:1.2.3.4", 2)
    assert ratelimit.hit("form:ip:5.6.7.8", 2)
    counter = RateLimitCounter.objects.get(key__endswith=":form:ip:1.2.3.4")
    assert counter.count == 3
    # The alliance's own counter: its key begins with it, and it carries it.
    assert counter.key == f"{Alliance.current().pk}:form:ip:1.2.3.4"
    assert counter.alliance == Alliance.current()


def test_each_alliance_counts_for_itself_and_the_installation_apart(db):
    other = AllianceFactory(slug="nordheim")
    assert ratelimit.hit("form:ip:1.2.3.4", 1)
    with activate(other):
        assert ratelimit.hit("form:ip:1.2.3.4", 1)
    with outside_any_scope():
        assert ratelimit.hit("form:ip:1.2.3.4", 1)
        assert not ratelimit.hit("form:ip:1.2.3.4", 1)
    assert RateLimitCounter.objects.get(key="installation:form:ip:1.2.3.4").alliance is None


@pytest.mark.django_db(transaction=True)
def test_database_limit_holds_across_processes():
    allowed = hit_from_processes("form:ip:1.2.3.4", LIMIT, PROCESSES, HITS_PER_PROCESS)
    assert sum(allowed) == LIMIT, allowed
    counter = RateLimitCounter.objects.get(key__endswith=":form:ip:1.2.3.4")
    assert counter.count == PROCESSES * HITS_PER_PROCESS


@pytest.mark.django_db(transaction=True)
def test_redis_limit_holds_across_processes(redis_url):
    allowed = hit_from_processes("form:ip:1.2.3.4", LIMIT, PROCESSES, HITS_PER_PROCESS, redis_url)
    assert sum(allowed) == LIMIT, allowed
    assert not RateLimitCounter.objects.exists()
    client = redis.Redis.from_url(redis_url)
    (key,) = client.keys("ratelimit:*:form:ip:1.2.3.4:*")
    assert int(client.get(key)) == PROCESSES * HITS_PER_PROCESS
    # The window's hour plus a minute of grace; then Redis forgets the count.
    assert 0 < client.ttl(key) <= 3600 + 60


def test_per_email_limit_normalises_the_address_and_stores_no_address(db, settings):
    settings.RATELIMIT_PER_HOUR = 2
    assert ratelimit.email_allowed("sign", "Anna@Example.org")
    assert ratelimit.email_allowed("sign", " anna@example.org ")
    assert not ratelimit.email_allowed("sign", "ANNA@example.org")
    assert ratelimit.email_allowed("sign", "bert@example.org")
    assert not RateLimitCounter.objects.filter(key__contains="example").exists()


def test_per_email_limit_can_be_switched_off_for_load_tests(db, settings):
    settings.RATELIMIT_ENABLED = False
    assert all(ratelimit.email_allowed("sign", "a@example.org") for _ in range(20))


def test_client_ip_trusts_only_the_address_the_proxy_appended(settings, rf):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert ratelimit.client_ip(request) == "203.0.113.7"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="127.0.0.1")
    assert ratelimit.client_ip(request) == "203.0.113.7"
    settings.CLIENT_IP_HEADER = ""
    assert ratelimit.client_ip(request) == "127.0.0.1"
