import datetime
from zoneinfo import ZoneInfo

import icalendar
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventFactory
from tests.support.responses import assert_not_found

BERLIN = ZoneInfo("Europe/Berlin")


def _berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def test_event_ics_has_berlin_times_timezone_and_url(client):
    event = EventFactory(
        title="Sommerfest",
        starts_at=_berlin(2030, 7, 5, 15, 0),
        ends_at=_berlin(2030, 7, 5, 19, 30),
    )

    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Sommerfest"
    assert component.start == _berlin(2030, 7, 5, 15, 0)
    assert component["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert component.end == _berlin(2030, 7, 5, 19, 30)
    assert str(component["URL"]) == f"http://testserver/termine/{event.slug}/"
    assert "Marktplatz 1" in str(component["LOCATION"])
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    assert b"BEGIN:VTIMEZONE" in response.content


def test_winter_time_is_kept(client):
    event = EventFactory(
        starts_at=_berlin(2030, 1, 10, 18),
        ends_at=_berlin(2030, 1, 10, 20),
    )
    content = client.get(reverse("events:ics", kwargs={"slug": event.slug})).content
    assert b"DTSTART;TZID=Europe/Berlin:20300110T180000" in content


def test_feed_lists_public_events_only(client):
    public = EventFactory(title="Öffentlich")
    recent = EventFactory(title="Kürzlich", starts_in=datetime.timedelta(days=-30))
    EventFactory(title="Intern", is_public=False)
    EventFactory(title="Unveröffentlicht", published=False)
    EventFactory(title="Uralt", starts_in=datetime.timedelta(days=-3000))

    response = client.get(reverse("events:feed"))

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/termine/kalender.ics"
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = sorted(str(component["SUMMARY"]) for component in calendar.walk("VEVENT"))
    assert summaries == sorted([public.title, recent.title])
    urls = {str(component["URL"]) for component in calendar.walk("VEVENT")}
    assert f"http://testserver{public.get_absolute_url()}" in urls
    assert str(calendar["X-WR-CALNAME"])
    assert calendar.timezones


def test_private_event_has_no_public_ics(client):
    event = EventFactory(is_public=False)
    assert_not_found(client.get(reverse("events:ics", kwargs={"slug": event.slug})))


def test_feed_events_come_from_the_entry_cache_until_they_change(remembering, client):
    from django.core.cache import cache

    cache.clear()
    event = EventFactory(
        title="Sommerfest",
        starts_at=_berlin(2030, 7, 5, 15),
        ends_at=_berlin(2030, 7, 5, 19),
    )
    EventFactory(title="Herbstfest")
    first = client.get(reverse("events:feed")).content
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("events:feed")).content == first
    assert len(queries) == 1  # the events; their lines come from the cache
    calendar = icalendar.Calendar.from_ical(first)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Berlin"]
    assert first.index(b"BEGIN:VTIMEZONE") < first.index(b"BEGIN:VEVENT")
    [summer] = [c for c in calendar.walk("VEVENT") if str(c["SUMMARY"]) == "Sommerfest"]
    assert summer.start == _berlin(2030, 7, 5, 15)
    assert summer["DTSTART"].params["TZID"] == "Europe/Berlin"
    event.title = "Sommerfest im Park"
    event.save()
    changed = icalendar.Calendar.from_ical(client.get(reverse("events:feed")).content)
    assert {str(c["SUMMARY"]) for c in changed.walk("VEVENT")} == {"Sommerfest im Park", "Herbstfest"}
    cache.clear()


def test_empty_feed_is_a_valid_calendar(client, alliance):
    content = client.get(reverse("events:feed")).content
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["X-WR-CALNAME"])
    assert not calendar.walk("VEVENT") and b"VTIMEZONE" not in content
