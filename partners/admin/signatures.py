"""Admin of membership periods (read-only) and of signing sessions at events."""

import base64
import io

import segno
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from buendnis.emails import absolute_url
from buendnis.history import HistoryAdmin
from buendnis.lib.admin import ReadOnlyAdminMixin
from buendnis.lib.pdf import pdf_response
from buendnis.tenancy import own_account
from partners import documents
from partners.admin.display import entries_html, german_day
from partners.models import Signature, SigningSession


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdminMixin, HistoryAdmin):
    """Membership periods, read-only: to look up a period and its change history. Dates
    as days (a paper signature has no time of day), and who entered what."""

    list_display = ["partner", "status_display", "declaration", "source", "signed_on", "withdrawn_on"]
    list_filter = ["source", "declaration"]
    list_select_related = ["partner", "declaration"]
    search_fields = ["partner__name"]
    date_hierarchy = "signed_at"
    fields = ["partner", "declaration", "source", "signed_on", "signed_by", "status_display",
              "withdrawn_on", "entries"]
    readonly_fields = ["signed_on", "status_display", "withdrawn_on", "entries"]

    @admin.display(description=_("Status"))
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("unterzeichnet am"), ordering="signed_at")
    def signed_on(self, obj):
        return german_day(obj.signed_at)

    @admin.display(description=_("ausgetreten am"), ordering="withdrawn_at")
    def withdrawn_on(self, obj):
        return german_day(obj.withdrawn_at) or "–"

    @admin.display(description=_("erfasst"))
    def entries(self, obj):
        return entries_html(obj)


def qr_code_svg(url):
    """The link as a QR code, an SVG data URI (drawn here, no third party involved)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=6, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


@admin.register(SigningSession)
class SigningSessionAdmin(admin.ModelAdmin):
    """Signing on the spot: a link (and its QR code and poster) open for a few hours."""

    list_display = ["title", "starts_at", "ends_at", "is_open_display"]
    fields = ["title", "starts_at", "ends_at", "link"]
    readonly_fields = ["link"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = own_account(request.user)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("jetzt offen"), boolean=True)
    def is_open_display(self, session):
        return session.is_open

    @admin.display(description=_("Link, QR-Code und Plakat"))
    def link(self, session):
        if not session.pk:
            return _("nach dem Sichern verfügbar")
        url = absolute_url(session.get_absolute_url())
        poster = reverse("admin:partners_signingsession_poster", args=[session.pk])
        return format_html(
            '<p><a href="{}">{}</a></p><p><img src="{}" alt="{}" width="220" height="220"></p>'
            '<p><a class="button" href="{}">{}</a></p>',
            url, url, qr_code_svg(url), _("QR-Code des Links"), poster, _("Plakat zum Aushängen (PDF)"),
        )

    def get_urls(self):
        poster = path(
            "<int:pk>/plakat.pdf",
            self.admin_site.admin_view(self.poster_view),
            name="partners_signingsession_poster",
        )
        return [poster, *super().get_urls()]

    def poster_view(self, request, pk):
        session = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, session):
            raise PermissionDenied
        stored = documents.signing_poster_pdf(session, absolute_url(session.get_absolute_url()))
        return pdf_response(request, stored, f"Plakat-{session.token[:8]}.pdf", private=True)
