"""Pieces of the partner admin: who sees contact data, and the partner's certificate."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from buendnis import roles
from buendnis.lib.pdf import pdf_response
from partners import documents

CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]


class PartnerContactScopedAdmin:
    """Without a full role (AG-Leitung), contact data only of one's own groups' members
    (`roles.contact_partner_ids`): hidden in forms, lists, searches and actions."""

    def _hides_contact(self, request, obj):
        visible = roles.contact_partner_ids(request.user)
        return visible is not None and (obj is None or obj.pk not in visible)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self._hides_contact(request, obj):
            fields = [field for field in fields if field not in CONTACT_FIELDS]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._hides_contact(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in CONTACT_FIELDS]})
            for name, options in fieldsets
        ]

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if not roles.sees_only_led_groups(request.user):
            return columns
        return [column for column in columns if column not in CONTACT_FIELDS]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if roles.sees_only_led_groups(request.user):
            actions.pop("export_action", None)
        return actions

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        if not roles.sees_only_led_groups(request.user):
            return fields
        return [field for field in fields if field.lstrip("^=@") not in CONTACT_FIELDS]


class PartnerCertificateAdminMixin:
    """For the Partner admin: download an active partner's certificate.

    `certificate_link` in `readonly_fields` offers the button.
    """

    def get_urls(self):
        download = path(
            "<int:pk>/urkunde/",
            self.admin_site.admin_view(self.certificate_view),
            name="partners_partner_certificate",
        )
        return [download, *super().get_urls()]

    def certificate_view(self, request, pk):
        partner = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, partner):
            raise PermissionDenied
        try:
            stored = documents.partner_certificate_file(partner)
        except documents.NoCertificate:
            messages.error(
                request,
                _("Eine Urkunde gibt es nur für aktive Partner mit bestätigter Unterzeichnung."),
            )
            return redirect(reverse("admin:partners_partner_change", args=[partner.pk]))
        filename = documents.certificate_filename(partner)
        return pdf_response(request, stored, filename, attachment=True, private=True)

    @admin.display(description=_("Urkunde"))
    def certificate_link(self, partner):
        if not partner.pk or not partner.is_member:
            return _("nur für aktive Partner")
        url = reverse("admin:partners_partner_certificate", args=[partner.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Urkunde herunterladen (PDF)"))
