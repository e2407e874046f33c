"""Small values every page needs, remembered per process until the content version
changes (buendnis/lib/fragments.py: `remembered`): the alliance's profile and the
number of partners."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from buendnis import fragments
from buendnis.models import Alliance
from partners.models import Declaration, public_partner_count
from tests.conftest import new_version
from tests.factories import PartnerFactory


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
    PartnerFactory(name="Bäckerei Korn")
    assert public_partner_count() == 1
    PartnerFactory(name="Kita Sonnenschein")
    assert public_partner_count() == 1
    new_version()
    assert public_partner_count() == 2


def test_the_unfiltered_directory_pages_with_the_remembered_count(remembering, client):
    Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    PartnerFactory(name="Bäckerei Korn")
    client.get("/partner/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/partner/").content.decode()
    assert not [query for query in queries if "COUNT(" in query["sql"]]
    assert "1 Organisation hat die Bündniserklärung unterzeichnet" in html
    PartnerFactory(name="Kita Sonnenschein")
    # A filter counts for itself; the total waits for the new content version.
    html = client.get("/partner/?q=kita").content.decode()
    assert "1 Partner gefunden" in html and "Kita Sonnenschein" in html
    new_version()
    assert "2 Organisationen haben" in client.get("/partner/").content.decode()


def test_nothing_is_remembered_in_tests_and_development(settings, alliance):
    assert settings.FRAGMENT_CACHE_SECONDS == 0
    Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    PartnerFactory(name="Bäckerei Korn")
    assert public_partner_count() == 1
    PartnerFactory(name="Kita Sonnenschein")
    assert public_partner_count() == 2
    assert not fragments._remembered
