"""iCalendar files: one event, or the subscribable feed of public events."""

from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from buendnis.lib.emails import absolute_url

PRODID = "-//Buendnisportal//Termine//DE"


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
    host = urlparse(settings.SITE_URL).hostname or "localhost"
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
    description = " ".join(strip_tags(event.description).split())
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
    calendar = _new_calendar(name)
    for event in events:
        calendar.add_component(_component(event, absolute_url(event.get_absolute_url())))
    return _serialize(calendar)
