"""A partner's invitations, replies and attendance in its data export (`partners.personal_data`)."""

from events.models import Invitation, Minutes
from partners import personal_data


@personal_data.collectors.register("einladungen")
def invitations(partner):
    return [
        {
            "termin": invitation.event.title,
            "beginn": invitation.event.starts_at.isoformat(),
            "versandt_am": invitation.sent_at.isoformat() if invitation.sent_at else None,
            "antwort": str(invitation.get_reply_display()),
            "personen": invitation.number_of_people,
            "geantwortet_am": invitation.replied_at.isoformat() if invitation.replied_at else None,
        }
        for invitation in Invitation.objects.filter(partner=partner).select_related("event")
    ]


@personal_data.collectors.register("anwesend_laut_protokoll")
def attendance(partner):
    return list(Minutes.objects.filter(partners_present=partner).values_list("event__title", flat=True))
