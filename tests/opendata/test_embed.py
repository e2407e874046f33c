"""Boxes another website embeds: the partner list and the next dates, without the
portal's navigation, framed only by the hosts the coordinator lists, valid HTML."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import EventFactory, PartnerFactory
from tests.support.nu import nu_errors

BOXES = ["/einbetten/partner/", "/einbetten/termine/"]


def frame_ancestors(response):
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"]


@pytest.mark.parametrize("path", BOXES)
def test_only_the_listed_hosts_may_frame_a_box(client, alliance, path):
    assert frame_ancestors(client.get(path)) == "'self'"
    alliance.embed_hosts = "https://www.landkreis-musterhausen.de\nhttps://familie.example.org/\n"
    alliance.save()
    response = client.get(path)
    assert frame_ancestors(response) == "'self' https://www.landkreis-musterhausen.de https://familie.example.org"
    assert not response.has_header("X-Frame-Options")


def test_every_other_page_may_not_be_framed(client, alliance):
    alliance.embed_hosts = "https://www.landkreis-musterhausen.de"
    alliance.save()
    response = client.get("/partner/")
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_boxes_come_without_the_portals_navigation(client, alliance, declaration):
    PartnerFactory(name="Bäckerei Korn", town="Lindenau")
    EventFactory(title="Sommerfest")
    partners = client.get("/einbetten/partner/").content.decode()
    assert "Bäckerei Korn" in partners and "Lindenau" in partners
    assert 'href="http://testserver/partner/backerei-korn/" target="_top"' in partners
    events = client.get("/einbetten/termine/").content.decode()
    assert "Sommerfest" in events
    for box in (partners, events):
        assert "<nav" not in box and "<script" not in box and "<form" not in box


def test_the_snippets_page_shows_the_iframes_to_copy_and_who_may_embed(client, alliance):
    page = client.get("/einbetten/").content.decode()
    assert '&lt;iframe src="http://testserver/einbetten/partner/" title="Partnerverzeichnis' in page
    assert "Noch darf keine andere Website einbetten" in page
    alliance.embed_hosts = "https://www.landkreis-musterhausen.de"
    alliance.save()
    assert "https://www.landkreis-musterhausen.de" in client.get("/einbetten/").content.decode()


@pytest.mark.parametrize("value", ["www.landkreis.de", "https://landkreis.de/seite", "javascript:alert(1)",
                                   "https://land kreis.de", "https://*.de"])
def test_only_plain_web_addresses_may_be_listed(alliance, value):
    alliance.embed_hosts = value
    with pytest.raises(ValidationError) as error:
        alliance.full_clean()
    assert "Bitte nur Adressen wie https://www.landkreis.de angeben" in str(error.value)


def test_the_boxes_and_the_public_pages_pass_the_nu_html_checker(client, alliance, declaration, tmp_path):
    partner = PartnerFactory(name="Bäckerei Korn")
    event = EventFactory(title="Sommerfest", registration_open=True)
    paths = [*BOXES, "/einbetten/", "/open-data/", "/", "/buendnis/", "/partner/",
             partner.get_absolute_url(), "/termine/", event.get_absolute_url(), "/projekte/"]
    documents = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        documents[path] = response.content.decode()
    assert nu_errors(documents, tmp_path) == []
