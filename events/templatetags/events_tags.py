from django import template

from events.models import Event

register = template.Library()

MAX_MEETINGS = 10


@register.inclusion_tag("events/includes/group_meetings.html")
def group_meetings(group):
    """The upcoming public meetings of a working group (past ones are in the archive)."""
    events = Event.objects.public().filter(working_group=group).for_listing().upcoming()
    return {"group": group, "upcoming": list(events[:MAX_MEETINGS])}
