"""iCalendar files: one event, or the subscribable feed of public events."""

import functools
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone

from buendnis.emails import absolute_url
from buendnis.fragments import per_entry
from buendnis.lib.sanitize import plain_text
from buendnis.models import Alliance

PRODID = "-//Buendnisportal//Termine//DE"
# Characters of an event's description in a calendar entry; the rest is on its page.
SHORT_TEXT = 300


def _new_calendar(name=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _component(event, url):
    host = urlparse(Alliance.current().base_url).hostname or "localhost"
    component = icalendar.Event()
    component.add("uid", f"termin-{event.pk}@{host}")
    component.add("dtstamp", event.updated_at)
    # Local times with TZID, so calendars show Berlin time across daylight saving.
    component.add("dtstart", timezone.localtime(event.starts_at))
    component.add("dtend", timezone.localtime(event.ends_at))
    component.add("summary", event.title)
    location = ", ".join(part for part in (event.venue, event.address) if part)
    if location:
        component.add("location", location)
    # The link in DESCRIPTION too: many calendar apps show no URL property.
    description = plain_text(event.description, SHORT_TEXT)
    component.add("description", f"{description}\n\n{url}".strip())
    component.add("url", url)
    return component


def _serialize(calendar):
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_ics(event, url=None):
    """The calendar file of one event. `url` links back (default: the public event page)."""
    calendar = _new_calendar()
    calendar.add("method", "PUBLISH")
    calendar.add_component(_component(event, url or absolute_url(event.get_absolute_url())))
    return _serialize(calendar)


def feed_ics(events, name):
    """The subscribable feed: the calendar's head, the portal's time zone and each event.

    Built as a whole, a year of dates at national scale took 50 ms, almost all of it
    in icalendar building and folding the events' lines (issue 8). Each event's lines
    are therefore cached like a list entry (`buendnis.fragments.per_entry`), and
    the time zone, the same in every feed, is built once per process.
    """
    blocks = per_entry(
        "events:feed",
        events,
        lambda event: _component(event, absolute_url(event.get_absolute_url())).to_ical().decode(),
    )
    empty = _new_calendar(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    body = "".join(blocks).encode()
    return empty.removesuffix(end) + (_time_zone() if blocks else b"") + body + end


@functools.cache
def _time_zone():
    # What `add_missing_timezones()` adds for events in the portal's time zone.
    return icalendar.Timezone.from_tzid(settings.TIME_ZONE).to_ical()
