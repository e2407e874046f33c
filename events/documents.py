"""Minutes (Protokolle) as PDFs: approved ones publicly, drafts as an admin preview;
invitation letters for partners without e-mail."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from buendnis.emails import absolute_url, in_language
from buendnis.lib.pdf import StoredPdf, image_or_none, render_pdf
from buendnis.models import Alliance
from buendnis.pdfs import alliance_pdf
from events.models import Suggestion


def _minutes_context(minutes):
    alliance = Alliance.current()
    event = minutes.event
    # Only partners the public directory shows appear by name; the others are counted.
    named = list(minutes.partners_present.public().order_by("name").only("name"))
    present = minutes.partners_present.count()
    return {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": f"Protokoll: {event.title}",
        "draft": not minutes.is_approved,
        "minutes": minutes,
        "event": event,
        "partners": named,
        "partners_present": present,
        "unnamed_partners": present - len(named),
        "items": list(minutes.items.prefetch_related("tasks")),
        "suggestions": list(
            Suggestion.objects.filter(event=event).order_by("created_at").only("text", "public_answer")
        ),
    }


def render_minutes_pdf(minutes):
    """The PDF bytes of the minutes as they are now (approval stores them)."""
    return render_pdf("pdf/minutes.html", _minutes_context(minutes))


def minutes_pdf_file(minutes):
    """The PDF of these minutes: approved ones exactly as stored at approval; a draft
    rendered now and marked "Entwurf" on every page."""
    if minutes.is_approved and minutes.approved_pdf:
        return StoredPdf(
            bytes(minutes.approved_pdf), minutes.approved_sha256, minutes.approved_at.timestamp()
        )
    key = f"protokoll-{minutes.pk}{'' if minutes.is_approved else '-entwurf'}"
    return alliance_pdf(key, "pdf/minutes.html", _minutes_context(minutes))


def minutes_filename(minutes):
    prefix = "Protokoll-Entwurf" if not minutes.is_approved else "Protokoll"
    return f"{prefix}-{minutes.event.slug}.pdf"


def _letter(invitation, alliance, logo_url, agenda):
    """One partner's letter, in its language (with its own lang and dir in the document)."""
    with in_language(invitation.partner.language):
        return render_to_string(
            "pdf/includes/invitation_letter.html",
            {
                "alliance": alliance,
                "logo_url": logo_url,
                "event": invitation.event,
                "agenda": agenda,
                "partner": invitation.partner,
                "invitation_url": absolute_url(
                    reverse("events:invitation", args=[invitation.token])
                ),
            },
        )


def invitation_letters_pdf(event, invitations):
    """One PDF with a letter per partner without e-mail, with its personal reply link;
    each letter in the partner's language, the document's title German."""
    alliance = Alliance.current()
    logo_url = image_or_none(alliance.logo)
    agenda = list(event.minutes.items.all()) if hasattr(event, "minutes") else []
    context = {
        "alliance": alliance,
        "logo_url": logo_url,
        "document_title": f"Einladung: {event.title}",
        "event": event,
        "letters": [
            # Each letter is a rendered template, escaped there.
            mark_safe(_letter(invitation, alliance, logo_url, agenda))
            for invitation in invitations
        ],
    }
    return alliance_pdf(f"einladungsbriefe-{event.pk}", "pdf/invitation_letters.html", context)
