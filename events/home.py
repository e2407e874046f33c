"""The home page's "Nächste Termine" section."""

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from buendnis import sections
from events.listing import event_items
from events.models import Event

HOME_EVENTS = 3


@sections.home.register("events/includes/home_next.html", order=10)
def next_events(request):
    events = list(Event.objects.public().for_entries().upcoming()[:HOME_EVENTS])
    if not events:
        return None
    return {"items": event_items(events, heading_level=3)}


EASY_READ_EVENTS = 10


@sections.easy_read_dates.register("events")
def easy_read_dates(request):
    """The upcoming public dates for the dates page in Leichte Sprache: the date written
    out, the place and one sentence (the event's title)."""
    items = []
    for event in Event.objects.public().upcoming()[:EASY_READ_EVENTS]:
        starts = timezone.localtime(event.starts_at)
        items.append({
            "date": _("%(day)s, um %(time)s Uhr")
            % {"day": date_format(starts, "l, j. F Y"), "time": time_format(starts, "G:i")},
            "place": ", ".join(part for part in (event.venue, event.address) if part),
            "sentence": event.title.rstrip(".") + ".",
            "url": event.get_absolute_url(),
        })
    return items
