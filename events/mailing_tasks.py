from django_tasks import task

from events import mailings
from events.mailing_models import Mailing


@task()
def send_mailing(mailing_id):
    mailing = Mailing.objects.filter(pk=mailing_id).select_related("working_group", "event").first()
    if mailing is None or mailing.status != Mailing.Status.QUEUED:
        return 0
    return mailings.send(mailing)
