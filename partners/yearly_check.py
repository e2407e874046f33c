"""The yearly check: active partners confirm (or update) their entry once a year.

A partner that does not react is reminded at most MAX_REMINDERS times, a month apart
(the command runs monthly); after that the dashboard lists it as "nicht erreichbar"
and the coordination decides what to do, instead of mailing it every month for ever.
Confirming or changing the entry starts the count again.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from buendnis.emails import in_language, send_templated
from partners.links import management_link
from partners.models import MAX_REMINDERS, Partner

INTERVAL = datetime.timedelta(days=365)
BETWEEN_REMINDERS = datetime.timedelta(days=28)


def due_for_check(now=None):
    """Active partners whose entry was not confirmed in the last twelve months, or never."""
    limit = (now or timezone.now()) - INTERVAL
    return Partner.objects.active().filter(
        Q(entry_confirmed_at__isnull=True) | Q(entry_confirmed_at__lt=limit)
    )


def due_for_reminder(now=None):
    """Of those, the ones to remind now: fewer than MAX_REMINDERS so far, none this month."""
    now = now or timezone.now()
    return due_for_check(now).filter(reminders_sent__lt=MAX_REMINDERS).filter(
        Q(last_reminder_at__isnull=True) | Q(last_reminder_at__lt=now - BETWEEN_REMINDERS)
    )


def unreachable(now=None):
    """Due partners that let every reminder pass: for the coordination to follow up."""
    return due_for_check(now).filter(reminders_sent__gte=MAX_REMINDERS)


def send_reminder(partner):
    with in_language(partner.language):
        message = send_templated(
            "yearly_check",
            {"partner": partner, "management_link": management_link(partner, long_lived=True)},
            [partner.contact_email],
        )
    Partner.objects.filter(pk=partner.pk).update(
        reminders_sent=partner.reminders_sent + 1, last_reminder_at=timezone.now()
    )
    return message
