"""Minutes (Protokolle) as PDFs: approved ones publicly, drafts as an admin preview."""

from buendnis.lib.pdf import image_or_none
from buendnis.models import Alliance
from buendnis.pdfs import alliance_pdf
from events.models import Suggestion


def minutes_pdf_file(minutes):
    """The stored PDF of these minutes; a draft is marked "Entwurf" on every page."""
    alliance = Alliance.current()
    event = minutes.event
    draft = not minutes.is_approved
    # Only partners the public directory shows appear by name; the others are counted.
    named = list(minutes.partners_present.public().order_by("name").only("name"))
    present = minutes.partners_present.count()
    context = {
        "alliance": alliance,
        "logo_url": image_or_none(alliance.logo),
        "document_title": f"Protokoll: {event.title}",
        "draft": draft,
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
    key = f"protokoll-{minutes.pk}{'-entwurf' if draft else ''}"
    return alliance_pdf(key, "pdf/minutes.html", context)


def minutes_filename(minutes):
    prefix = "Protokoll-Entwurf" if not minutes.is_approved else "Protokoll"
    return f"{prefix}-{minutes.event.slug}.pdf"
