"""Minutes (Protokolle) as PDFs: approved ones publicly, drafts as an admin preview."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from buendnis.lib.pdf import get_pdf, image_or_none, pdf_response
from buendnis.models import Alliance, Suggestion
from events.models import Event, Invitation, Minutes


def minutes_pdf_file(minutes):
    """The stored PDF of these minutes; a draft is marked "Entwurf" on every page."""
    alliance = Alliance.load()
    event = minutes.event
    draft = not minutes.is_approved
    # Only partners the public directory shows appear by name; the others are counted.
    named = list(minutes.partners_present.listed().order_by("name").only("name"))
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
    return get_pdf(key, "pdf/minutes.html", context)


def minutes_filename(minutes):
    prefix = "Protokoll-Entwurf" if not minutes.is_approved else "Protokoll"
    return f"{prefix}-{minutes.event.slug}.pdf"


@require_safe
def minutes_pdf(request, slug):
    """The approved, public minutes of a public event; anything else is not found."""
    minutes = get_object_or_404(
        Minutes.objects.approved().select_related("event", "event__working_group"),
        event__in=Event.objects.public(),
        event__slug=slug,
        visibility=Minutes.Visibility.PUBLIC,
    )
    return pdf_response(request, minutes_pdf_file(minutes), minutes_filename(minutes))


@require_safe
def invitation_minutes_pdf(request, token):
    """Approved minutes for an invited partner, also those meant for partners only."""
    invitation = get_object_or_404(Invitation.objects.select_related("event"), token=token)
    minutes = get_object_or_404(
        Minutes.objects.approved().select_related("event", "event__working_group"),
        event=invitation.event,
    )
    return pdf_response(request, minutes_pdf_file(minutes), minutes_filename(minutes), private=True)


class MinutesPdfAdminMixin:
    """For the Minutes admin: the PDF of any minutes, a draft marked "Entwurf".

    Add `pdf_link` to `readonly_fields` (and `list_display`) to offer the button.
    """

    def get_urls(self):
        preview = path(
            "<int:pk>/pdf/",
            self.admin_site.admin_view(self.pdf_view),
            name="events_minutes_pdf",
        )
        return [preview, *super().get_urls()]

    def pdf_view(self, request, pk):
        minutes = get_object_or_404(
            self.get_queryset(request).select_related("event", "event__working_group"), pk=pk
        )
        if not self.has_view_permission(request, minutes):
            raise PermissionDenied
        return pdf_response(request, minutes_pdf_file(minutes), minutes_filename(minutes), private=True)

    @admin.display(description=_("PDF"))
    def pdf_link(self, minutes):
        if not minutes.pk:
            return _("nach dem Speichern verfügbar")
        label = _("PDF ansehen") if minutes.is_approved else _("Vorschau als PDF (Entwurf)")
        url = reverse("admin:events_minutes_pdf", args=[minutes.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, label)
