"""Calendar subscriptions besides the full feed: one per working group and one per kind
of event. Every VEVENT carries the event's link in URL and in DESCRIPTION (with a short
text), because many calendar apps show no URL."""

import icalendar
import pytest

from events.models import Event
from tests.factories import EventFactory, WorkingGroupFactory
from tests.support.responses import assert_not_found


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar, {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_a_feed_per_kind_of_event(client, alliance):
    EventFactory(title="Bündnistreffen", kind=Event.Kind.PLENARY)
    EventFactory(title="Sommerfest", kind=Event.Kind.PUBLIC)
    EventFactory(title="Geschlossenes Treffen", kind=Event.Kind.PLENARY, is_public=False)
    calendar, events = events_of(client.get("/termine/kalender/buendnistreffen.ics"))
    assert list(events) == ["Bündnistreffen"]
    assert str(calendar["X-WR-CALNAME"]) == f"{alliance.display_name}: {Event.Kind.PLENARY.label}"
    _calendar, events = events_of(client.get("/termine/kalender/veranstaltungen.ics"))
    assert list(events) == ["Sommerfest"]


def test_a_feed_per_working_group_linked_from_its_page(client):
    group = WorkingGroupFactory(name="AG Randzeiten", slug="ag-randzeiten")
    EventFactory(title="Treffen der AG", kind=Event.Kind.WORKING_GROUP, working_group=group)
    EventFactory(title="Anderes Treffen", kind=Event.Kind.WORKING_GROUP, working_group=WorkingGroupFactory())
    _calendar, events = events_of(client.get("/arbeitsgruppen/ag-randzeiten/kalender.ics"))
    assert list(events) == ["Treffen der AG"]
    page = client.get(group.get_absolute_url()).content.decode()
    assert 'type="text/calendar"' in page.split("</head>")[0]
    assert 'href="/arbeitsgruppen/ag-randzeiten/kalender.ics"' in page


def test_every_entry_has_its_link_in_url_and_in_a_short_description(client):
    text = "<p>" + "Wir sprechen über Betreuung in Randzeiten. " * 20 + "</p>"
    EventFactory(title="Bündnistreffen", slug="buendnistreffen", description=text)
    _calendar, events = events_of(client.get("/termine/kalender/buendnistreffen.ics"))
    entry = events["Bündnistreffen"]
    link = "http://testserver/termine/buendnistreffen/"
    assert str(entry["URL"]) == link
    description = str(entry["DESCRIPTION"])
    assert description.startswith("Wir sprechen über Betreuung in Randzeiten.")
    assert description.endswith(f" …\n\n{link}")
    assert len(description) < 300 + len(link) + 10


@pytest.mark.parametrize("path", [
    "/termine/kalender/geheim.ics",
    "/arbeitsgruppen/unbekannt/kalender.ics",
])
def test_unknown_feeds_are_not_found(client, alliance, path):
    assert_not_found(client.get(path))


def test_an_unpublished_group_has_no_feed(client):
    WorkingGroupFactory(slug="ag-entwurf", published=False)
    assert_not_found(client.get("/arbeitsgruppen/ag-entwurf/kalender.ics"))
