"""The home page's "Nächste Termine" section."""

from buendnis import home_sections
from buendnis.lib.fragments import render_entries
from events.models import Event

HOME_EVENTS = 3


@home_sections.register("events/includes/home_next.html", order=10)
def next_events(request):
    events = list(Event.objects.public().for_listing().upcoming()[:HOME_EVENTS])
    if not events:
        return None
    items = render_entries(
        "events/includes/event_item.html",
        events,
        name="event",
        context={"heading_level": 3, "show_minutes_state": False},
    )
    return {"events": events, "items": items}
