"""The minimal views `make bench` compares the pages against: the bench's own URLs
(bench/settings.py, bench/urls.py); the portal's URLs and settings know nothing of them."""

from unittest import mock

import pytest
from django.urls import Resolver404, clear_url_caches, resolve

from bench import settings as bench_settings
from buendnis import pagecache


def test_the_portal_has_no_address_of_the_bench():
    with pytest.raises(Resolver404):
        resolve("/bench/minimal/")


@pytest.fixture
def bench_urls(settings):
    settings.ROOT_URLCONF = bench_settings.ROOT_URLCONF
    settings.PAGE_CACHE_NEVER = bench_settings.PAGE_CACHE_NEVER
    settings.TENANCY_EXEMPT_PATHS = bench_settings.TENANCY_EXEMPT_PATHS
    settings.PAGE_CACHE_SECONDS = 300
    yield
    clear_url_caches()


@pytest.mark.django_db
def test_the_bench_has_its_minimal_views_and_every_page_of_the_portal(client, alliance, bench_urls):
    with mock.patch.object(pagecache, "current_version", wraps=pagecache.current_version) as looked_up:
        minimal = client.get("/bench/minimal/")
        assert minimal.status_code == 200 and minimal.content == b"ok"
        assert not looked_up.called  # measured without the page cache
        # The second one is answered on any host, without finding an alliance (what that costs).
        raw = client.get("/bench/minimal-raw/", HTTP_HOST="irgendwo.localhost")
        assert raw.status_code == 200 and raw.content == b"ok"
        home = client.get("/")
        assert home.status_code == 200 and looked_up.called  # the cache is on


def test_the_bench_answers_errors_with_the_portals_pages():
    from bench import urls as bench_urls
    from portal import urls as portal_urls

    assert (bench_urls.handler404, bench_urls.handler500) == (portal_urls.handler404, portal_urls.handler500)
