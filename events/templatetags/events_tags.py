from django import template

from events.listing import event_items
from events.models import Event

register = template.Library()

MAX_MEETINGS = 10


@register.inclusion_tag("events/includes/group_meetings.html")
def group_meetings(group):
    """The upcoming public meetings of a working group (past ones are in the archive).

    Entries as on /termine/ (`event_items`): from the entry cache, and places taken
    are counted only for those not in it. The annotated query of `for_listing()` cost
    more to build than the rest of a group's page (issue 8).
    """
    events = Event.objects.public().filter(working_group=group).for_entries().upcoming()
    return {"group": group, "items": event_items(events[:MAX_MEETINGS], heading_level=3)}
