import gzip

import brotli
import pytest
from django.test import Client
from django.urls import reverse

from buendnis import hosts, pagecache
from buendnis.models import Alliance, ContentVersion


@pytest.fixture
def cached(settings, alliance):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 0
    settings.ROOT_URLCONF = "tests.support.cache_urls"
    from django.core.cache import cache

    cache.clear()
    pagecache._memo.clear()
    return settings


def test_cache_is_off_in_tests_and_development(client, alliance, settings):
    assert settings.PAGE_CACHE_SECONDS == 0
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_second_anonymous_request_is_served_from_cache(cached, client):
    first = client.get("/plain/", HTTP_ACCEPT_ENCODING="gzip, br")
    second = client.get("/plain/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Encoding"] == "br"
    assert "Accept-Encoding" in second["Vary"]
    assert brotli.decompress(second.content).decode().startswith("<p>Lokales Bündnis")


def test_each_encoding_gets_the_same_page(cached, client):
    client.get("/plain/")
    gzipped = client.get("/plain/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/plain/", HTTP_ACCEPT_ENCODING="identity")
    assert gzipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(gzipped.content) == plain.content
    assert int(plain["Content-Length"]) == len(plain.content)


def test_security_headers_stay_on_cached_pages(cached, client):
    client.get("/plain/")
    response = client.get("/plain/")
    assert response["X-Page-Cache"] == "hit"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_change_by_coordinator_is_visible_at_once(
    cached, client, admin_client, django_capture_on_commit_callbacks
):
    anonymous = Client()
    assert "Lokales Bündnis für Familie Musterhausen" in anonymous.get("/plain/").content.decode()
    assert anonymous.get("/plain/")["X-Page-Cache"] == "hit"
    alliance = Alliance.current()
    url = reverse("admin:buendnis_alliance_change", args=[alliance.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(name="Bündnis Neustadt", logo="", founding_date="")
    data = {key: value for key, value in data.items() if value is not False}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302
    fresh = anonymous.get("/plain/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Bündnis Neustadt" in fresh.content.decode()


def test_version_bumped_by_another_process_is_seen_within_the_check_interval(cached, client):
    cached.PAGE_CACHE_VERSION_CHECK = 3600
    client.get("/plain/")
    assert client.get("/plain/")["X-Page-Cache"] == "hit"
    # Another worker changes content and bumps the number in the database.
    Alliance.objects.filter(pk=Alliance.current().pk).update(name="Bündnis Anderswo")
    hosts.forget()  # the map of hosts is refreshed too
    ContentVersion.objects.update_or_create(defaults={"version": 99})
    assert client.get("/plain/")["X-Page-Cache"] == "hit"  # this worker has not looked yet
    for alliance_id, (version, changed_at, read_at) in list(pagecache._memo.items()):
        pagecache._memo[alliance_id] = (version, changed_at, read_at - 3601)
    response = client.get("/plain/")
    assert response["X-Page-Cache"] == "miss"
    assert "Bündnis Anderswo" in response.content.decode()


def test_failed_post_does_not_retire_the_cache(cached, client, django_capture_on_commit_callbacks):
    client.get("/plain/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gibt-es-nicht/", {"x": "y"})
    assert client.get("/plain/")["X-Page-Cache"] == "hit"


def test_bump_outside_requests(cached, client, django_capture_on_commit_callbacks):
    client.get("/plain/")
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.bump()
    assert client.get("/plain/")["X-Page-Cache"] == "miss"


def test_pages_with_csrf_token_or_never_cache_are_not_cached(cached, client):
    for _ in range(2):
        form = client.get("/form/")
        private = client.get("/private/")
        assert "X-Page-Cache" not in form
        assert "X-Page-Cache" not in private
    anonymous = Client()
    first, second = anonymous.get("/form/"), anonymous.get("/form/")
    assert first.content != second.content  # every visitor gets an own token


def test_pages_behind_personal_links_are_not_cached(cached, client):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/einladung/abc123/")


def test_logged_in_users_bypass_the_cache(cached, admin_client):
    Client().get("/plain/")
    response = admin_client.get("/plain/")
    assert "X-Page-Cache" not in response


def test_messages_cookie_bypasses_the_cache(cached, client):
    client.get("/plain/")
    client.cookies["messages"] = "irgendwas"
    assert "X-Page-Cache" not in client.get("/plain/")


def test_errors_and_long_query_strings_are_not_cached(cached, client):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/gibt-es-nicht/")
        assert "X-Page-Cache" not in client.get("/plain/?" + "q=" + "a" * 400)


def test_database_outage_bypasses_the_cache(cached, client, monkeypatch):
    from django.db import OperationalError

    def broken():
        raise OperationalError("weg")

    monkeypatch.setattr(pagecache, "current_version", broken)
    response = client.get("/plain/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_the_calendar_feed_is_cached_other_files_are_not(cached, client):
    first = client.get("/termine/kalender.ics", HTTP_ACCEPT_ENCODING="identity")
    second = client.get("/termine/kalender.ics", HTTP_ACCEPT_ENCODING="identity")
    assert first["Content-Type"].startswith("text/calendar")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second.content.startswith(b"BEGIN:VCALENDAR")
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/healthz")
