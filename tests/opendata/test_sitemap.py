"""/sitemap.xml and /robots.txt: every public page with its last change, nothing behind
a personal link or of the admin; those carry noindex instead."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.utils.timezone import localdate

from events.models import Invitation
from partners.links import management_path
from tests.factories import (
    EventFactory,
    FieldOfActionFactory,
    InvitationFactory,
    PartnerFactory,
    ProjectFactory,
    WorkingGroupFactory,
)

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def sitemap(client):
    """Every address of every section the index names: {address: lastmod}."""
    index = xml(client, "/sitemap.xml")
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    urls = {}
    for section in index.findall("s:sitemap", NS):
        root = xml(client, section.findtext("s:loc", namespaces=NS).removeprefix("http://testserver"))
        assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        urls.update(
            (url.findtext("s:loc", namespaces=NS), url.findtext("s:lastmod", namespaces=NS))
            for url in root.findall("s:url", NS)
        )
    return urls


def test_the_sitemap_lists_the_public_pages_with_their_last_change(client):
    partner = PartnerFactory(name="Bäckerei Korn")
    project = ProjectFactory(title="Ferienbetreuung")
    group = WorkingGroupFactory(name="AG Randzeiten")
    event = EventFactory(title="Sommerfest")
    urls = sitemap(client)
    expected = ["/", "/buendnis/", "/partner/", "/projekte/", "/termine/", "/open-data/",
                partner.get_absolute_url(), project.get_absolute_url(), group.get_absolute_url(),
                group.field_of_action.get_absolute_url(), event.get_absolute_url(), "/impressum/",
                "/leichte-sprache/", "/leichte-sprache/termine/"]
    for path in expected:
        assert f"http://testserver{path}" in urls, path
    assert all(urls.values()), [url for url, lastmod in urls.items() if not lastmod]
    assert urls[f"http://testserver{partner.get_absolute_url()}"] == localdate(partner.updated_at).isoformat()


def test_the_sitemap_leaves_out_what_the_public_may_not_see(client):
    hidden = [
        PartnerFactory(name="Nicht bestätigt", pending=True),
        PartnerFactory(name="Ausgetreten", withdrawn=True),
        PartnerFactory(name="Ohne Zustimmung", listed=False, wants_listing=False),
        ProjectFactory(title="Entwurf", published=False),
        ProjectFactory(title="Im verborgenen Feld", field_of_action=FieldOfActionFactory(published=False)),
        EventFactory(title="Nur mit Einladung", is_public=False),
        EventFactory(title="Unveröffentlicht", published=False),
    ]
    InvitationFactory()
    urls = " ".join(sitemap(client))
    for thing in hidden:
        assert thing.get_absolute_url() not in urls, thing
    for private in ("/verwaltung/", "/partner/verwalten/", "/termine/einladung/", "/termine/abmelden/"):
        assert private not in urls
    assert Invitation.objects.exists()


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_personal_pages(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    for private in ("/verwaltung/", "/partner/verwalten/", "/termine/einladung/", "/termine/abmelden/",
                    "/buendniserklaerung/bestaetigen/"):
        assert f"Disallow: {private}" in lines


@pytest.mark.parametrize("path", ["/verwaltung/login/", "/verwaltung/"])
def test_the_admin_carries_noindex(client, path):
    assert client.get(path)["X-Robots-Tag"] == "noindex, nofollow"


def test_pages_behind_personal_links_carry_noindex(client):
    partner = PartnerFactory(name="Bäckerei Korn")
    invitation = InvitationFactory(partner=partner)
    for path in (management_path(partner), invitation.get_absolute_url()):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["X-Robots-Tag"] == "noindex, nofollow", path


def test_public_pages_may_be_indexed(client):
    assert not client.get("/partner/").has_header("X-Robots-Tag")


def test_a_large_section_comes_in_pages(client, settings, monkeypatch):
    from opendata import sitemaps

    monkeypatch.setattr(sitemaps.Partners, "limit", 2)
    for number in range(5):
        PartnerFactory(name=f"Partner {number}")
    index = xml(client, "/sitemap.xml")
    sections = [section.findtext("s:loc", namespaces=NS) for section in index.findall("s:sitemap", NS)]
    partner_pages = [loc for loc in sections if "sitemap-partner.xml" in loc]
    # Five partners in five languages: 25 addresses, two a page.
    assert partner_pages == ["http://testserver/sitemap-partner.xml",
                             *(f"http://testserver/sitemap-partner.xml?p={page}" for page in range(2, 14))]
    last = xml(client, "/sitemap-partner.xml?p=13")
    assert [url.findtext("s:loc", namespaces=NS) for url in last.findall("s:url", NS)] == [
        "http://testserver/uk/partner/partner-4/"]
    assert client.get("/sitemap-partner.xml?p=14").status_code == 404
    assert client.get("/sitemap-kontakte.xml").status_code == 404
