"""The yearly check: active partners confirm (or update) their entry once a year."""

import datetime

from django.db.models import Q
from django.utils import timezone

from buendnis.emails import send_templated
from partners.models import Partner
from partners.services import management_link

INTERVAL = datetime.timedelta(days=365)


def due_for_check(now=None):
    """Active partners whose entry was not confirmed in the last twelve months, or never."""
    limit = (now or timezone.now()) - INTERVAL
    return Partner.objects.active().filter(
        Q(entry_confirmed_at__isnull=True) | Q(entry_confirmed_at__lt=limit)
    )


def send_reminder(partner):
    return send_templated(
        "yearly_check",
        {"partner": partner, "management_link": management_link(partner, long_lived=True)},
        [partner.contact_email],
    )
