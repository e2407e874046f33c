"""One function per e-mail of the events app.

A registrant's confirmation is in the language of the registration, a partner's invitation
and reminder in the partner's (`in_language`: texts, dates, links and the calendar entry);
the e-mails to the coordination and to who takes the minutes are German.
"""

from django.urls import reverse

from buendnis.emails import absolute_url, in_language, render_templated, send_templated
from buendnis.models import Alliance
from events.calendar import event_ics


def _calendar_attachment(event, url=None):
    return (f"{event.slug}.ics", event_ics(event, url), "text/calendar")


def send_registration_confirmation(registration):
    event = registration.event
    with in_language(registration.language):
        return send_templated(
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


def _invitation_context(invitation):
    event = invitation.event
    token = invitation.token
    minutes = getattr(event, "minutes", None)
    return {
        "invitation": invitation,
        "event": event,
        "partner": invitation.partner,
        "agenda": list(minutes.items.all()) if minutes else [],
        "invitation_url": absolute_url(invitation.get_absolute_url()),
        "accept_url": absolute_url(reverse("events:accept", kwargs={"token": token})),
        "decline_url": absolute_url(reverse("events:decline", kwargs={"token": token})),
    }


def invitation_message(invitation):
    """The invitation e-mail, not yet sent: the meeting page previews it."""
    event = invitation.event
    with in_language(invitation.partner.language):
        context = _invitation_context(invitation)
        # Invitation-only events have no public page: the calendar entry links to the invitation.
        calendar_url = (
            absolute_url(event.get_absolute_url()) if event.is_public else context["invitation_url"]
        )
        return render_templated(
            "event_invitation",
            context,
            to=[invitation.partner.contact_email],
            attachments=[_calendar_attachment(event, calendar_url)],
        )


def send_invitation(invitation):
    message = invitation_message(invitation)
    message.send()
    return message


def send_meeting_reminder(invitation, days):
    """Reminder `days` before the meeting, with the same personal links as the invitation."""
    with in_language(invitation.partner.language):
        context = {**_invitation_context(invitation), "days": days}
        return send_templated("meeting_reminder", context, to=[invitation.partner.contact_email])


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
