"""The home page's "Nächste Termine" section."""

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
