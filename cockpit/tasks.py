"""Background work of the cockpit. The admin enqueues; `manage.py db_worker` runs it."""

from django_tasks import task

from buendnis.background import alliance_task
from cockpit import mailings
from cockpit.models import Mailing


@task()
@alliance_task
def send_mailing(mailing_id):
    mailing = Mailing.objects.filter(pk=mailing_id).select_related("working_group", "event").first()
    if mailing is None or mailing.status != Mailing.Status.QUEUED:
        return 0
    return mailings.send(mailing)
