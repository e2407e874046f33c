"""Background work. The admin enqueues; `manage.py db_worker` runs it (tests: at once)."""

from django_tasks import task

from arbeitsgruppen.models import WorkingGroup
from buendnis.background import alliance_task
from events import reminders, services
from events.models import Event


@task()
@alliance_task
def send_invitations(event_id, working_group_id=None):
    """Invite the partners of an event who have not been invited yet; return the count.

    With `working_group_id`, only the members of that working group are invited.
    """
    event = Event.objects.get(pk=event_id)
    working_group = WorkingGroup.objects.get(pk=working_group_id) if working_group_id else None
    return services.send_invitations(event, working_group)


@task()
@alliance_task
def send_reminders():
    """The due reminders before and after the alliance's meetings; return how many went out."""
    return reminders.send_due()
