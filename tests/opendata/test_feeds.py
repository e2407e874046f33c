"""The Atom feeds, read with feedparser: upcoming dates, new partners, projects and newly
approved public minutes; each announced in the <head> of its list page."""

import datetime
import re

import feedparser
import pytest
from django.utils import timezone

from events.models import Minutes
from tests.factories import EventFactory, MinutesFactory, PartnerFactory, ProjectFactory

FEEDS = {
    "/termine/feed.atom": "/termine/",
    "/partner/feed.atom": "/partner/",
    "/projekte/feed.atom": "/projekte/",
    "/termine/protokolle.atom": "/termine/archiv/",
}


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize(("feed", "page"), FEEDS.items())
def test_each_feed_is_announced_on_its_list_page(client, feed, page):
    head = client.get(page).content.decode().split("</head>")[0]
    announced = r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">'
    links = re.findall(announced, head)
    assert links == [feed]


@pytest.mark.parametrize("path", FEEDS)
def test_each_feed_names_the_alliance_and_links_its_page(client, alliance, path):
    feed = read(client, path)
    assert feed.feed.title.endswith(f"– {alliance.name}")
    assert feed.feed.link == f"http://testserver{FEEDS[path]}"


def test_upcoming_dates(client):
    EventFactory(title="Sommerfest", description="<p>Mit Kinderbetreuung.</p><p>Eintritt frei.</p>")
    EventFactory(title="Vorbei", starts_in=-datetime.timedelta(days=30))
    EventFactory(title="Nur mit Einladung", is_public=False)
    EventFactory(title="Entwurf", published=False)
    entries = read(client, "/termine/feed.atom").entries
    assert [entry.title.split(" (")[0] for entry in entries] == ["Sommerfest"]
    assert entries[0].link == "http://testserver/termine/sommerfest/"
    assert entries[0].summary == "Mit Kinderbetreuung. Eintritt frei."


def test_new_partners_newest_first_by_the_date_they_joined(client):
    joined = timezone.make_aware(datetime.datetime(2017, 11, 8, 18))
    PartnerFactory(name="Gründungspartner", paper=True, signed_at=joined, confirmed_at=joined)
    PartnerFactory(name="Bäckerei Korn")
    PartnerFactory(name="Unbestätigt", pending=True)
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    entries = read(client, "/partner/feed.atom").entries
    assert [entry.title for entry in entries] == ["Bäckerei Korn", "Gründungspartner"]
    assert entries[1].published_parsed[:3] == (2017, 11, 8)
    assert entries[0].link == "http://testserver/partner/backerei-korn/"


def test_projects(client):
    ProjectFactory(title="Ferienbetreuung", summary="In allen Ferien.")
    ProjectFactory(title="Entwurf", published=False)
    entries = read(client, "/projekte/feed.atom").entries
    assert [(entry.title, entry.summary) for entry in entries] == [("Ferienbetreuung", "In allen Ferien.")]


def test_minutes_only_when_approved_and_public(client):
    MinutesFactory(event__title="Plenum März", summary="Das Plenum zieht Bilanz.")
    MinutesFactory(event__title="Plenum Entwurf", approved=False)
    MinutesFactory(event__title="Plenum intern", visibility=Minutes.Visibility.PARTNERS)
    MinutesFactory(event__title="Plenum geschlossen", event__is_public=False)
    entries = read(client, "/termine/protokolle.atom").entries
    assert [entry.title for entry in entries] == ["Protokoll: Plenum März"]
    assert entries[0].link == "http://testserver/termine/plenum-marz/protokoll.pdf"
    assert entries[0].summary == "Das Plenum zieht Bilanz."
