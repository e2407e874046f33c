"""Leichte Sprache: the alliance's own variants of its key pages under /leichte-sprache/,
served only when published, linked from every page's header (home variant) and from
each normal key page; the BITV 2.0 § 4 parts of the home variant refuse publishing
while empty; the start checklist's item."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from buendnis.models import EasyReadPage, Page
from buendnis.tenancy import activate
from cockpit import checklist
from tests.buendnis.test_public_links import crawl
from tests.conftest import new_version
from tests.factories import AllianceFactory, EasyReadPageFactory, EventFactory, PageFactory

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

Topic = EasyReadPage.Topic
ADDRESSES = {
    Topic.HOME: "/leichte-sprache/",
    Topic.ABOUT: "/leichte-sprache/das-buendnis/",
    Topic.JOIN: "/leichte-sprache/mitmachen/",
    Topic.DATES: "/leichte-sprache/termine/",
    Topic.CONTACT: "/leichte-sprache/kontakt/",
    Topic.ACCESSIBILITY: "/leichte-sprache/barrierefreiheit/",
}
# The normal key page of each topic and where it links its variant.
NORMAL = {
    Topic.HOME: "/",
    Topic.ABOUT: "/buendnis/",
    Topic.JOIN: "/buendniserklaerung/unterzeichnen/",
    Topic.DATES: "/termine/",
    Topic.CONTACT: "/anregungen/",
    Topic.ACCESSIBILITY: "/barrierefreiheit/",
}
HEADER_LINK = re.compile(r'<a class="easy-read-link" href="/leichte-sprache/" hreflang="de"[^>]*>')
HOME_PARTS = {
    "title": "Leichte Sprache",
    "main_contents": "<p>Das ist die Website vom Bündnis.</p>",
    "navigation": "<p>Oben ist ein Menü.</p>",
    "accessibility": "<p>Die Erklärung steht unten.</p>",
    "other_pages": "<p>Diese Seiten gibt es auch:</p>",
}


def header(content):
    return content.split("</header>")[0]


def test_the_demo_has_all_six_pages_published(client, alliance):
    assert set(EasyReadPage.objects.public().values_list("topic", flat=True)) == set(Topic.values)
    for topic, address in ADDRESSES.items():
        assert EasyReadPage.objects.get(topic=topic).get_absolute_url() == address
        response = client.get(address)
        assert response.status_code == 200, address
        content = response.content.decode()
        assert '<article class="easy-read" lang="de">' in content
        # Each links the other five and its normal page.
        for other, other_address in ADDRESSES.items():
            if other != topic:
                assert f'href="{other_address}"' in content, (address, other_address)
        assert f'<a href="{NORMAL[topic]}">Zur normalen Seite</a>' in content


def test_the_home_variant_explains_what_bitv_asks_for(client, alliance):
    content = client.get("/leichte-sprache/").content.decode()
    for heading in [
        "Worum geht es auf dieser Website?",
        "So finden Sie sich auf der Website zurecht",
        "Barriere-Freiheit",
        "Mehr in Leichter Sprache",
    ]:
        assert f">{heading}</h2>" in content
    assert '<a href="/barrierefreiheit/">Zur Erklärung zur Barriere-Freiheit</a>' in content
    assert "Gebärdensprache" not in content  # no video given


def test_the_sign_language_video_is_linked_when_given(client, alliance):
    EasyReadPage.objects.filter(topic=Topic.HOME).update(sign_language_video="https://video.example.org/dgs")
    content = client.get("/leichte-sprache/").content.decode()
    assert ">Gebärdensprache</h2>" in content
    assert '<a href="https://video.example.org/dgs">' in content


def test_a_draft_is_neither_served_nor_linked(client, alliance):
    EasyReadPage.objects.filter(topic=Topic.ABOUT).update(published=False)
    assert client.get("/leichte-sprache/das-buendnis/").status_code == 404
    for address in ["/leichte-sprache/", "/leichte-sprache/termine/", "/buendnis/"]:
        assert "/leichte-sprache/das-buendnis/" not in client.get(address).content.decode(), address


def test_an_unknown_topic_is_not_found(client, alliance):
    assert client.get("/leichte-sprache/start/").status_code == 404  # the home is the folder
    assert client.get("/leichte-sprache/impressum/").status_code == 404


def test_another_alliances_page_is_not_served_here(client, alliance):
    EasyReadPage.objects.filter(topic=Topic.CONTACT).delete()
    other = AllianceFactory(slug="nordheim")
    with activate(other):
        foreign = EasyReadPageFactory(topic=Topic.CONTACT, title="Kontakt in Nordheim")
    assert client.get("/leichte-sprache/kontakt/").status_code == 404
    assert "Nordheim" not in client.get("/leichte-sprache/").content.decode()
    with activate(other):
        assert EasyReadPage.objects.get().pk == foreign.pk


def test_the_admin_refuses_another_alliances_page(coordinator_client, alliance):
    other = AllianceFactory(slug="nordheim")
    with activate(other):
        foreign = EasyReadPageFactory(topic=Topic.HOME, title="Nordheim", published=False)
    url = reverse("admin:buendnis_easyreadpage_change", args=[foreign.pk])
    assert coordinator_client.get(url).status_code in (302, 404)
    response = coordinator_client.post(url, {**HOME_PARTS, "published": "on"})
    assert response.status_code in (302, 404)
    with activate(other):
        foreign.refresh_from_db()
    assert not foreign.published
    assert foreign.title == "Nordheim"


@pytest.mark.parametrize("published", [True, False])
def test_every_public_page_has_the_header_link_exactly_when_the_home_variant_is_published(
    client, demo_data, published
):
    EasyReadPage.objects.filter(topic=Topic.HOME).update(published=published)
    html = {}
    found = crawl(client, "testserver", limit=400, pages=html)
    assert {path: status for path, status in found.items() if status == 404} == {}
    files = (".ics", ".pdf", ".json", ".xml")
    pages = [path for path, status in found.items() if status == 200 and not path.endswith(files)]
    assert len(pages) > 20
    for path in pages:
        if path not in html:
            continue  # not HTML (feeds)
        content = html[path]
        if 'class="site-header"' not in content:
            assert path.startswith("/einbetten/"), path  # boxes for other sites: no header
            continue
        assert bool(HEADER_LINK.search(header(content))) is published, path
    assert ("/leichte-sprache/" in found) is published


def test_the_header_link_is_german_and_marks_the_home_variant_as_current(client, alliance):
    content = client.get("/leichte-sprache/").content.decode()
    link = header(content).split('class="easy-read-link"')[1].split("</a>")[0]
    assert 'aria-current="page"' in link
    assert '<span lang="de">Leichte Sprache</span>' in link


def test_each_normal_key_page_links_its_variant_only_when_published(client, alliance, declaration):
    for topic, address in NORMAL.items():
        content = client.get(address).content.decode()
        link = f'<a href="{ADDRESSES[topic]}" hreflang="de">Diese Seite in Leichter Sprache</a>'
        assert link in content, address
    assert 'href="/leichte-sprache/mitmachen/"' in client.get("/buendniserklaerung/").content.decode()
    EasyReadPage.objects.update(published=False)
    for address in NORMAL.values():
        assert "Diese Seite in Leichter Sprache" not in client.get(address).content.decode(), address


def test_the_dates_page_lists_the_upcoming_public_dates_simply(client, alliance):
    starts = timezone.make_aware(datetime.datetime(2031, 3, 15, 18, 0))
    EventFactory(title="Familienfest im Park", slug="familienfest", starts_at=starts,
                 ends_at=starts + datetime.timedelta(hours=3), venue="Stadtpark", address="Parkweg 2",
                 is_public=True, published=True)
    EventFactory(title="Sitzung der Steuerungsgruppe", slug="steuerung", starts_at=starts,
                 ends_at=starts + datetime.timedelta(hours=2), is_public=False)
    EventFactory(title="Entwurf eines Termins", slug="entwurf", starts_at=starts,
                 ends_at=starts + datetime.timedelta(hours=2), published=False)
    content = client.get("/leichte-sprache/termine/").content.decode()
    assert "Samstag, 15. März 2031, um 18:00 Uhr" in content
    assert "Ort: Stadtpark, Parkweg 2" in content
    assert "<p>Familienfest im Park.</p>" in content
    assert "Steuerungsgruppe" not in content
    assert "Entwurf eines Termins" not in content


def test_the_contact_page_shows_the_alliances_address(client, alliance):
    content = client.get("/leichte-sprache/kontakt/").content.decode()
    assert "Marktplatz 1" in content
    assert 'href="tel:012345678' in content


# --- publishing ---------------------------------------------------------------------------


@pytest.mark.parametrize("part", ["main_contents", "navigation", "accessibility", "other_pages"])
def test_the_home_variant_is_not_published_while_a_bitv_part_is_empty(alliance, part):
    home = EasyReadPage.objects.get(topic=Topic.HOME)
    setattr(home, part, "<p></p>")
    name = str(EasyReadPage._meta.get_field(part).verbose_name)
    assert home.publication_problems() == [f"Es fehlen: {name}."]
    with pytest.raises(ValidationError):
        home.full_clean()


def test_a_placeholder_refuses_publishing(alliance):
    page = EasyReadPage.objects.get(topic=Topic.CONTACT)
    page.body = "<p>Rufen Sie an: [Telefon].</p>"
    assert page.publication_problems() == ["Im Feld „Text“ steht noch der Platzhalter [Telefon]."]


def test_the_admin_refuses_publishing_and_names_the_empty_part(coordinator_client, alliance):
    home = EasyReadPage.objects.get(topic=Topic.HOME)
    url = reverse("admin:buendnis_easyreadpage_change", args=[home.pk])
    content = coordinator_client.get(url).content.decode()
    assert "Was die Startseite in Leichter Sprache erklären muss" in content
    assert "BITV 2.0, § 4" in content
    response = coordinator_client.post(url, {**HOME_PARTS, "navigation": "", "published": "on"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Die Seite kann noch nicht veröffentlicht werden." in content
    assert "Es fehlen: Wie man sich zurechtfindet." in content
    home.refresh_from_db()
    assert home.navigation != ""
    response = coordinator_client.post(url, {**HOME_PARTS, "published": "on"})
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.published
    assert home.main_contents == HOME_PARTS["main_contents"]


def test_the_admin_adds_a_topic_once(coordinator_client, alliance):
    EasyReadPage.objects.filter(topic=Topic.CONTACT).delete()
    url = reverse("admin:buendnis_easyreadpage_add")
    data = {"topic": "kontakt", "title": "Kontakt", "body": "<p>Rufen Sie uns an.</p>", "published": "on"}
    assert coordinator_client.post(url, data).status_code == 302
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Diese Seite gibt es schon in Leichter Sprache." in response.content.decode()
    assert EasyReadPage.objects.filter(topic=Topic.CONTACT).count() == 1


def test_the_admin_lists_the_pages_in_german(coordinator_client, alliance):
    content = coordinator_client.get(reverse("admin:buendnis_easyreadpage_changelist")).content.decode()
    assert "Seiten in Leichter Sprache" in content
    assert "Startseite" in content
    assert "veröffentlicht" in content
    assert "EasyRead" not in content
    index = coordinator_client.get(reverse("admin:index")).content.decode()
    website = index.split(">Website<")[1].split(">Dokumente<")[0]
    assert "Seiten in Leichter Sprache" in website


# --- the start checklist ------------------------------------------------------------------


def test_the_checklist_item_is_done_when_the_home_variant_is_published(alliance):
    item = next(item for item in checklist.items() if item.key == "easy_read")
    assert item.done
    assert item.label == "Leichte Sprache"
    EasyReadPage.objects.filter(topic=Topic.HOME).update(published=False, main_contents="")
    item = next(item for item in checklist.items() if item.key == "easy_read")
    assert not item.done
    assert item.missing == "Es fehlen: Worum es auf der Website geht."
    EasyReadPage.objects.filter(topic=Topic.HOME).delete()
    item = next(item for item in checklist.items() if item.key == "easy_read")
    assert (item.done, item.missing) == (False, "Die Startseite in Leichter Sprache fehlt.")
    assert item.url == reverse("admin:buendnis_easyreadpage_add")


# --- the old page -------------------------------------------------------------------------


def test_the_old_page_in_leichte_sprache_becomes_the_home_variant(alliance):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("buendnis.migrations.0011_easy_language_page_becomes_home_variant")
    other = AllianceFactory(slug="nordheim")
    with activate(other):
        PageFactory(slug="leichte-sprache", title="Leichte Sprache", body="<p>Wir sind da.</p>")
    migration.forwards(apps, None)
    with activate(other):
        home = EasyReadPage.objects.get()
        assert (home.topic, home.published, home.main_contents) == ("start", True, "<p>Wir sind da.</p>")
        assert home.publication_problems() == []
        assert not Page.objects.filter(slug="leichte-sprache").exists()


def test_the_sitemap_lists_only_the_published_pages_in_leichte_sprache(client, alliance):
    EasyReadPage.objects.filter(topic=Topic.CONTACT).update(published=False)
    content = client.get("/sitemap-inhalte.xml").content.decode()
    assert "<loc>http://testserver/leichte-sprache/</loc>" in content
    assert "<loc>http://testserver/leichte-sprache/termine/</loc>" in content
    assert "/leichte-sprache/kontakt/" not in content


def test_the_header_link_follows_a_change_when_remembered(client, remembering):
    assert HEADER_LINK.search(client.get("/impressum/").content.decode())
    EasyReadPage.objects.filter(topic=Topic.HOME).update(published=False)
    # Remembered until the content changes ...
    assert HEADER_LINK.search(client.get("/impressum/").content.decode())
    # ... and gone with the next content version.
    new_version()
    assert not HEADER_LINK.search(client.get("/impressum/").content.decode())
