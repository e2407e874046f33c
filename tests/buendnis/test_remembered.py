"""Small values every page needs, remembered per process until the alliance's content
version changes (buendnis/fragments.py: `remembered`): the number of partners. (The
alliance's profile comes with the map of hosts: tests/buendnis/test_tenancy.py.)"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from buendnis import fragments
from partners.models import public_partner_count
from tests.conftest import new_version
from tests.factories import DeclarationFactory, PartnerFactory


def test_the_partner_count_follows_the_content_version(remembering):
    DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    PartnerFactory(name="Bäckerei Korn")
    assert public_partner_count() == 1
    PartnerFactory(name="Kita Sonnenschein")
    assert public_partner_count() == 1
    new_version()
    assert public_partner_count() == 2


def test_the_unfiltered_directory_pages_with_the_remembered_count(remembering, client):
    DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
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
    DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    PartnerFactory(name="Bäckerei Korn")
    assert public_partner_count() == 1
    PartnerFactory(name="Kita Sonnenschein")
    assert public_partner_count() == 2
    assert not fragments._remembered
