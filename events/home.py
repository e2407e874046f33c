"""The home page's "Nächste Termine" section."""

from buendnis import home_sections
from events.models import Event

HOME_EVENTS = 3


@home_sections.register("events/includes/home_next.html", order=10)
def next_events(request):
    events = list(Event.objects.public().for_listing().upcoming()[:HOME_EVENTS])
    return {"events": events} if events else None
