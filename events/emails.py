"""One function per e-mail of the events app."""

from django.urls import reverse

from buendnis.emails import absolute_url, render_templated, send_templated
from buendnis.models import Alliance
from events.calendar import event_ics


def _calendar_attachment(event, url=None):
    return (f"{event.slug}.ics", event_ics(event, url), "text/calendar")


def send_registration_confirmation(registration):
    event = registration.event
    send_templated(
        "event_registration",
        {
            "registration": registration,
            "event": event,
            "event_url": absolute_url(event.get_absolute_url()),
            "cancel_url": absolute_url(registration.get_cancel_url()),
        },
        to=[registration.email],
        attachments=[_calendar_attachment(event)],
    )


def invitation_message(invitation):
    """The invitation e-mail, not yet sent: the meeting page previews it."""
    event = invitation.event
    partner = invitation.partner
    invitation_url = absolute_url(invitation.get_absolute_url())
    # Invitation-only events have no public page: the calendar entry links to the invitation.
    calendar_url = absolute_url(event.get_absolute_url()) if event.is_public else invitation_url
    minutes = getattr(event, "minutes", None)
    return render_templated(
        "event_invitation",
        {
            "invitation": invitation,
            "event": event,
            "partner": partner,
            "agenda": list(minutes.items.all()) if minutes else [],
            "invitation_url": invitation_url,
            "accept_url": absolute_url(reverse("events:accept", kwargs={"token": invitation.token})),
            "decline_url": absolute_url(
                reverse("events:decline", kwargs={"token": invitation.token})
            ),
        },
        to=[partner.contact_email],
        attachments=[_calendar_attachment(event, calendar_url)],
    )


def send_invitation(invitation):
    message = invitation_message(invitation)
    message.send()
    return message


def send_meeting_reminder(invitation, days):
    """Reminder `days` before the meeting, with the same personal links as the invitation."""
    event = invitation.event
    token = invitation.token
    minutes = getattr(event, "minutes", None)
    return send_templated(
        "meeting_reminder",
        {
            "invitation": invitation,
            "event": event,
            "partner": invitation.partner,
            "days": days,
            "agenda": list(minutes.items.all()) if minutes else [],
            "invitation_url": absolute_url(invitation.get_absolute_url()),
            "accept_url": absolute_url(reverse("events:accept", kwargs={"token": token})),
            "decline_url": absolute_url(reverse("events:decline", kwargs={"token": token})),
        },
        to=[invitation.partner.contact_email],
    )


def send_minutes_reminder(minutes, days):
    """The minutes of a past meeting are missing: remind who takes them (or the coordination)."""
    taker = minutes.minute_taker
    recipient = (taker.email if taker else "") or Alliance.current().notification_email
    if not recipient:
        return None
    context = {
        "minutes": minutes,
        "event": minutes.event,
        "days": days,
        "admin_url": absolute_url(reverse("admin:events_minutes_change", args=[minutes.pk])),
    }
    return send_templated("minutes_reminder", context, [recipient])


def send_new_suggestion(suggestion):
    """A citizen sent a wish or suggestion: tell the coordinator, who may answer by reply."""
    recipient = Alliance.current().notification_email
    if not recipient:
        return None
    context = {
        "suggestion": suggestion,
        "admin_url": absolute_url(reverse("admin:events_suggestion_change", args=[suggestion.pk])),
    }
    # Replies go to the citizen, if they gave an address; never back to the coordination.
    reply_to = [suggestion.email] if suggestion.email else []
    return send_templated("suggestion_new", context, [recipient], reply_to=reply_to)
