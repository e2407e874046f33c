"""Attendance at a meeting: check-in by tapping names, and the list to sign on paper.

Who can be checked in: the active partners (those who accepted first) and the people
registered by name. The partners ticked are the minutes' `partners_present`; the
registrations ticked are `checked_in`, and their people are the minutes' guests.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from buendnis.lib.pdf import image_or_none
from buendnis.models import Alliance
from buendnis.pdfs import alliance_pdf
from events import meetings
from events.models import Invitation, Registration
from partners.models import Partner

Refused = meetings.Refused


def accepted_partner_ids(event):
    return set(Invitation.objects.accepted().filter(event=event).values_list("partner", flat=True))


def choices(event):
    """The partners and registrations to tap, each with whether it is ticked now.

    Before anyone was checked in, the partners that accepted are ticked already.
    """
    minutes = getattr(event, "minutes", None)
    present = set(minutes.partners_present.values_list("pk", flat=True)) if minutes else set()
    accepted = accepted_partner_ids(event)
    registrations = list(event.registrations.active().order_by("name"))
    untouched = not present and not any(registration.checked_in for registration in registrations)
    ticked = accepted if untouched else present
    partners = sorted(Partner.objects.active().only("name"), key=lambda p: (p.pk not in accepted, p.name))
    return {
        "partners": [(partner, partner.pk in ticked, partner.pk in accepted) for partner in partners],
        "registrations": [(registration, registration.checked_in) for registration in registrations],
    }


def check_in(event, partner_ids, registration_ids):
    """Store who is there; refuse ids that are no active partner or registration of it."""
    partners = list(Partner.objects.active().filter(pk__in=partner_ids))
    registrations = event.registrations.active().filter(pk__in=registration_ids)
    if len(partners) != len(set(partner_ids)) or registrations.count() != len(set(registration_ids)):
        raise Refused(_("Nur aktive Partner und angemeldete Gäste dieses Treffens können anwesend sein."))
    with transaction.atomic():
        minutes = meetings.open_agenda(event)
        minutes.partners_present.set(partners)
        event.registrations.update(checked_in=False)
        registrations.update(checked_in=True)
        guests = Registration.objects.filter(event=event, checked_in=True).aggregate(
            people=Sum("number_of_people")
        )["people"]
        minutes.number_of_guests = guests or 0
        minutes.save(update_fields=["number_of_guests", "updated_at"])
    return len(partners), minutes.number_of_guests


def attendance_list_pdf(event):
    """The list to sign: the partners that accepted, the registered guests, empty rows."""
    alliance = Alliance.current()
    accepted = (
        Invitation.objects.accepted().filter(event=event).select_related("partner").order_by("partner__name")
    )
    rows = [(invitation.partner.name, invitation.number_of_people) for invitation in accepted]
    rows += [
        (registration.name, registration.number_of_people)
        for registration in event.registrations.active().order_by("name")
    ]
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": _("Anwesenheitsliste: %(event)s") % {"event": event.title},
        "event": event,
        "rows": rows,
        "empty_rows": range(8),
    }
    return alliance_pdf(f"anwesenheit-{event.pk}", "pdf/attendance_list.html", context)
