"""The meeting cycle on the meeting's own admin page: agenda, invitation, approval,
publication. Plain functions; the admin's views call them after a confirmation."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from buendnis.models import Alliance
from events import emails, services, tasks
from events.models import AgendaItem, Event, Invitation, Minutes, Task
from partners.models import Partner

Refused = services.Refused


def invitation_group(event):
    """A working group's meeting invites its members; every other meeting all active partners."""
    return event.working_group if event.kind == Event.Kind.WORKING_GROUP else None


def partners_without_email(event):
    """Active partners (of the group) who cannot be invited by e-mail and have no letter yet."""
    invited = Invitation.objects.current().filter(event=event, partner=OuterRef("pk"), sent_at__isnull=False)
    partners = Partner.objects.active().filter(contact_email="").filter(~Exists(invited))
    group = invitation_group(event)
    if group is not None:
        partners = partners.filter(working_groups=group)
    return partners.order_by("name")


def notice_days(event, now=None):
    """Whole days from now to the meeting."""
    return (event.starts_at - (now or timezone.now())) // timedelta(days=1)


def invitation_preview(event):
    """What the confirmation page shows before anything is sent."""
    recipients = list(services.invitation_targets(event, invitation_group(event)))
    days = notice_days(event)
    period = Alliance.current().notice_period_days
    sample = None
    if recipients:
        example = Invitation(event=event, partner=recipients[0], token="persoenlicher-link")
        sample = emails.invitation_message(example)
    return {
        "recipients": recipients,
        "without_email": list(partners_without_email(event)),
        "notice_days": days,
        "notice_period": period,
        "notice_too_short": days < period,
        "sample": sample,
    }


def invite(event, user=None):
    """Invite the meeting's partners: e-mails in the background, invitations for letters.

    The partners without an e-mail address get their invitation (with its personal
    links) at once; their letters are one PDF on the meeting page.
    """
    if event.has_started:
        raise Refused(_("Zu einem Termin, der schon begonnen hat, kann niemand mehr eingeladen werden."))
    by_mail = services.invitation_targets(event, invitation_group(event)).count()
    by_letter = list(partners_without_email(event))
    if not by_mail and not by_letter:
        raise Refused(_("Zu „%(event)s“ sind bereits alle Partner eingeladen.") % {"event": event})
    now = timezone.now()
    with transaction.atomic():
        for partner in by_letter:
            invitation = services.invitation_of_this_period(event, partner)
            Invitation.objects.filter(pk=invitation.pk).update(sent_at=now)
        Event.objects.filter(pk=event.pk, invited_at__isnull=True).update(invited_at=now)
    if by_mail:
        group = invitation_group(event)
        tasks.send_invitations.enqueue(
            event.alliance_id, event_id=event.pk, working_group_id=group.pk if group else None
        )
    event.refresh_from_db()
    return by_mail, len(by_letter)


def letter_invitations(event):
    """The invitations that go out on paper: their partner has no e-mail address."""
    return (
        Invitation.objects.current()
        .filter(event=event, sent_at__isnull=False, partner__contact_email="")
        .select_related("partner")
        .order_by("partner__name")
    )


# --- agenda ------------------------------------------------------------------------


def open_agenda(event):
    """The meeting's minutes, which carry its agenda: there from the moment it exists."""
    minutes, _created = Minutes.objects.get_or_create(event=event)
    return minutes


def previous_meeting(event):
    """The last earlier meeting of the same kind (and group) that has an agenda."""
    with_items = AgendaItem.objects.filter(minutes__event=OuterRef("pk"))
    return (
        Event.objects.filter(
            kind=event.kind, working_group=event.working_group, starts_at__lt=event.starts_at
        )
        .filter(Exists(with_items))
        .order_by("-starts_at")
        .first()
    )


def copy_agenda(event):
    """Append the previous meeting's agenda items (titles and durations); return them."""
    previous = previous_meeting(event)
    if previous is None:
        raise Refused(_("Es gibt kein früheres Treffen mit Tagesordnung."))
    minutes = open_agenda(event)
    start = (minutes.items.aggregate(last=Max("position"))["last"] or 0) + 1
    return [
        AgendaItem.objects.create(
            minutes=minutes, position=start + number, title=item.title, duration=item.duration
        )
        for number, item in enumerate(previous.minutes.items.all())
    ]


def open_tasks_before(event):
    """Tasks of earlier meetings (of the same group) that are not done yet."""
    return (
        Task.objects.open()
        .filter(
            agenda_item__minutes__event__starts_at__lt=event.starts_at,
            agenda_item__minutes__event__working_group=event.working_group,
        )
        .select_related("agenda_item__minutes__event")
        .order_by("due_on", "pk")
    )


def add_open_tasks_to_agenda(event):
    """One agenda item that goes through the open tasks of earlier meetings."""
    tasks_ = list(open_tasks_before(event))
    if not tasks_:
        raise Refused(_("Aus früheren Treffen ist keine Aufgabe offen."))
    minutes = open_agenda(event)
    lines = [
        "– " + task.description
        + (f" ({task.responsible})" if task.responsible else "")
        + (_(", bis %(date)s") % {"date": formats.date_format(task.due_on, "j. F Y")} if task.due_on else "")
        for task in tasks_
    ]
    position = (minutes.items.aggregate(last=Max("position"))["last"] or 0) + 1
    return AgendaItem.objects.create(
        minutes=minutes, position=position, title=_("Stand der offenen Aufgaben"),
        duration=5 * len(tasks_), discussion="\n".join(lines),
    )


# --- approval: in services (approve_minutes, reopen_minutes, publish_minutes) ----------
