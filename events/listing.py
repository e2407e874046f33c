"""Dates as list entries: on /termine/, in the archive and on the home page."""

from buendnis.fragments import render_entries
from events.models import load_places_taken


def event_items(events, *, heading_level, show_minutes_state=False):
    """The cached HTML of each event's entry; `events` need `for_entries()`."""
    return render_entries(
        "events/includes/event_item.html",
        events,
        name="event",
        prepare=load_places_taken,
        context={"heading_level": heading_level, "show_minutes_state": show_minutes_state},
    )
