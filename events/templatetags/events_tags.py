from django import template

from events.models import Event

register = template.Library()

RECENT_MEETINGS = 3


@register.inclusion_tag("events/includes/group_meetings.html")
def group_meetings(group):
    """The public meetings of a working group: all upcoming ones, the last few past ones."""
    events = Event.objects.public().filter(working_group=group).select_related("working_group", "minutes")
    return {
        "group": group,
        "upcoming": list(events.upcoming()),
        "recent": list(events.past()[:RECENT_MEETINGS]),
    }
