"""Background work of the partners app: `manage.py db_worker` runs it (tests: at once).

Tasks take ids (the alliance's first), never names or addresses: their arguments and results are stored in
the database (django-tasks) and must hold no personal data.
"""

from django_tasks import task

from buendnis.background import alliance_task
from partners import emails
from partners.models import Signature


@task()
@alliance_task
def send_welcome(signature_id):
    """The welcome e-mail with the partner certificate (a PDF: rendered here, not in the
    confirming click). Nothing goes out if the membership ended in the meantime."""
    signature = Signature.objects.active().select_related("partner").filter(pk=signature_id).first()
    if signature is None or not signature.partner.contact_email:
        return False
    emails.send_welcome(signature.partner, signature)
    return True
