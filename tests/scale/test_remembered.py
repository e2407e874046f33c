"""Small values every page needs, remembered per process until the content version
changes (buendnis/lib/fragments.py: `remembered`): the alliance's profile and the
number of partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buendnis import pagecache
from buendnis.lib import fragments
from buendnis.models import Alliance, ContentVersion
from partners.models import Declaration, listed_partner_count
from tests.partners.conftest import make_partner


@pytest.fixture
def remembering(settings, alliance):
    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 3600
    fragments._remembered.clear()
    pagecache._memo["version"] = None
    yield settings
    fragments._remembered.clear()
    pagecache._memo["version"] = None


def new_version():
    """What another worker's change does: bump the number; this worker looks again."""
    ContentVersion.objects.update_or_create(pk=1, defaults={"version": 99})
    pagecache._memo["read_at"] -= 3601


def alliance_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    reads = [query for query in queries if 'FROM "buendnis_alliance"' in query["sql"]]
    return response.content.decode(), len(reads)


def test_the_alliance_profile_is_read_once_per_content_version(remembering, client):
    assert alliance_queries(client, "/partner/")[1] == 1
    assert alliance_queries(client, "/termine/")[1] == 0
    Alliance.objects.filter(pk=1).update(short_name="Bündnis Anderswo")
    html, reads = alliance_queries(client, "/partner/")
    assert reads == 0 and "Bündnis Anderswo" not in html  # this worker has not looked yet
    new_version()
    html, reads = alliance_queries(client, "/partner/")
    assert reads == 1
    assert "Bündnis Anderswo" in html


def test_the_partner_count_follows_the_content_version(remembering):
    Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    make_partner("Bäckerei Korn")
    assert listed_partner_count() == 1
    make_partner("Kita Sonnenschein")
    assert listed_partner_count() == 1
    new_version()
    assert listed_partner_count() == 2


def test_nothing_is_remembered_in_tests_and_development(settings, alliance):
    assert settings.FRAGMENT_CACHE_SECONDS == 0
    Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    make_partner("Bäckerei Korn")
    assert listed_partner_count() == 1
    make_partner("Kita Sonnenschein")
    assert listed_partner_count() == 2
    assert not fragments._remembered
