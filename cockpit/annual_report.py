"""The mailings' line in the yearly account (`finances.reports.figures`, one layer below)."""

from django.utils.translation import gettext as _

from cockpit.models import Mailing
from finances.reports import figures


@figures.register()
def mailings_sent(year):
    sent = Mailing.objects.filter(sent_at__year=year)
    return [(_("Rundmails an die Partner versandt"), sent.count())]
