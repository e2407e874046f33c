"""Reminders before and after meetings: to the invited partners who have not declined
(by default 7 and 2 days before), and to the minute-taker 3 and 7 days after while the
minutes are missing. Run daily by `manage.py send_meeting_reminders` as background
tasks; each reminder is claimed before it is sent, so no run sends one twice."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from events import emails
from events.models import Event, Invitation, Minutes

logger = logging.getLogger(__name__)

MINUTES_REMINDER_DAYS = (3, 7)


def _due(days, moment, now, before=True):
    """The reminder days that are due by now: before (or after) `moment`."""
    if before:
        return [day for day in days if now >= moment - timedelta(days=day)]
    return [day for day in days if now >= moment + timedelta(days=day)]


def _claim(model, pk, field, due):
    """Mark the due days as done; True if one of them was not done yet (send then)."""
    with transaction.atomic():
        row = model.objects.select_for_update().get(pk=pk)
        done = getattr(row, field)
        if set(due) <= set(done):
            return False
        setattr(row, field, sorted(set(done) | set(due)))
        row.save(update_fields=[field])
    return True


def _release(model, pk, field, due):
    row = model.objects.get(pk=pk)
    setattr(row, field, sorted(set(getattr(row, field)) - set(due)))
    row.save(update_fields=[field])


def send_invitation_reminders(now=None):
    """Remind the invited partners of the coming meetings; return how many were sent."""
    now = now or timezone.now()
    sent = 0
    events = Event.objects.filter(reminders=True, invited_at__isnull=False, starts_at__gt=now)
    for event in events:
        due = _due(event.reminder_day_list, event.starts_at, now)
        if not due:
            continue
        invitations = (
            Invitation.objects.current()
            .filter(event=event, sent_at__isnull=False, partner__is_member=True)
            .exclude(reply=Invitation.Reply.DECLINED)
            .exclude(partner__contact_email="")
            .select_related("partner", "event")
        )
        for invitation in invitations:
            if not _claim(Invitation, invitation.pk, "reminded_for", due):
                continue
            try:
                emails.send_meeting_reminder(invitation, min(due))
            except Exception:
                logger.exception("Erinnerung an %s konnte nicht versandt werden", invitation.partner)
                _release(Invitation, invitation.pk, "reminded_for", due)
                continue
            sent += 1
    return sent


def send_minutes_reminders(now=None):
    """Remind the minute-taker while the minutes of a past meeting are not approved."""
    now = now or timezone.now()
    sent = 0
    oldest = now - timedelta(days=max(MINUTES_REMINDER_DAYS) + 30)
    drafts = Minutes.objects.filter(
        status=Minutes.Status.DRAFT, event__ends_at__lt=now, event__ends_at__gt=oldest
    ).select_related("event", "minute_taker")
    for minutes in drafts:
        due = _due(MINUTES_REMINDER_DAYS, minutes.event.ends_at, now, before=False)
        if not due or not _claim(Minutes, minutes.pk, "taker_reminded_for", due):
            continue
        if emails.send_minutes_reminder(minutes, max(due)):
            sent += 1
    return sent


def send_due(now=None):
    return send_invitation_reminders(now) + send_minutes_reminders(now)
