"""Admin of partners: the directory's entries, their membership periods and workflows."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from buendnis import exports
from buendnis.history import HistoryAdmin
from buendnis.lib.admin import TouchPickersMixin
from buendnis.lib.images import ImageUploadField
from partners import coordination, services
from partners.admin.display import entries_html, german_day
from partners.admin.mixins import PartnerCertificateAdminMixin, PartnerContactScopedAdmin
from partners.admin.workflows import PartnerWorkflowsAdminMixin
from partners.exports import partners_table
from partners.forms import https_urls
from partners.models import Partner, Signature

HISTORY_KEPT = _(
    "Ein Partner mit Mitgliedschaften wird nicht gelöscht: Seine Geschichte gehört zum "
    "Bündnis (Gründungsurkunde, Zeitverlauf, Protokolle). Tragen Sie stattdessen den Austritt "
    "ein („Austritt eintragen“ im Eintrag); dabei werden die Daten der Ansprechperson gelöscht."
)


class DuplicateFilter(admin.SimpleListFilter):
    title = _("Entscheidung")
    parameter_name = "dublette"

    def lookups(self, request, model_admin):
        return [("ja", _("möglicherweise doppelt"))]

    def queryset(self, request, queryset):
        return queryset.possible_duplicates() if self.value() == "ja" else queryset


class StatusFilter(admin.SimpleListFilter):
    title = _("Status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Signature.Status.choices

    def queryset(self, request, queryset):
        if self.value() == Signature.Status.UNCONFIRMED:
            return queryset.pending()
        if self.value() == Signature.Status.ACTIVE:
            return queryset.active()
        if self.value() == Signature.Status.WITHDRAWN:
            return queryset.withdrawn()
        return queryset


class SignatureInline(admin.TabularInline):
    """Membership periods are history: shown in her words, never edited here."""

    model = Signature
    template = "admin/partners/partner/signature_inline.html"
    extra = 0
    can_delete = False
    fields = ["declaration", "source", "signed_on", "signed_by", "status", "withdrawn_on", "entries"]
    readonly_fields = fields
    verbose_name = _("Mitgliedschaft")
    verbose_name_plural = _("Mitgliedschaften")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(
            "declaration", "entered_by", "withdrawal_entered_by"
        )

    @admin.display(description=_("unterzeichnet am"))
    def signed_on(self, signature):
        return german_day(signature.signed_at)

    @admin.display(description=_("Status"))
    def status(self, signature):
        return signature.get_status_display()

    @admin.display(description=_("ausgetreten am"))
    def withdrawn_on(self, signature):
        return german_day(signature.withdrawn_at) or "–"

    @admin.display(description=_("erfasst"))
    def entries(self, signature):
        return entries_html(signature)


class PartnerAdminForm(forms.ModelForm):
    logo = ImageUploadField(label=_("Logo"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("listed") and not cleaned.get("wants_listing"):
            self.add_error(
                "listed",
                _("Kann nicht angehakt werden: Die Organisation hat nicht eingewilligt, öffentlich "
                  "genannt zu werden („möchte öffentlich genannt werden“). Das ändert nur sie selbst "
                  "über ihren Verwaltungslink, oder Sie nach ihrer Zusage."),
            )
        return cleaned

    class Meta:
        model = Partner
        formfield_callback = https_urls
        fields = [
            "name", "slug", "kind", "town", "website", "logo", "description", "contribution",
            "fields_of_action", "contact_name", "contact_email", "contact_phone", "language",
            "listed", "wants_listing", "founding_partner",
        ]


@admin.register(Partner)
class PartnerAdmin(
    TouchPickersMixin,
    PartnerWorkflowsAdminMixin, PartnerCertificateAdminMixin, PartnerContactScopedAdmin, HistoryAdmin
):
    form = PartnerAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Four short columns that wrap (kind and town under the name): the list fits 1366 px
    # beside the menu and the filters, and a phone (static/css/admin_partners.css).
    list_display = ["organisation", "status_display", "directory_display", "partner_since_display"]
    list_filter = [StatusFilter, DuplicateFilter, "listed", "wants_listing", "founding_partner", "kind"]
    search_fields = ["name", "town", "contact_name", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = [
        "duplicate_note", "entry_confirmed_at", "created_at", "updated_at", "status_display",
        "certificate_link", "membership_links",
    ]
    inlines = [SignatureInline]
    actions = [
        "release_action",
        "hide_action",
        "resend_confirmation_action",
        "paper_signature_action",
        "export_action",
    ]
    fieldsets = [
        (None, {"fields": ["duplicate_note", "name", "slug", "kind", "town", "website", "logo"]}),
        (_("Selbstdarstellung"), {"fields": ["description", "contribution", "fields_of_action"]}),
        (
            _("Ansprechperson (nie öffentlich)"),
            {"fields": ["contact_name", "contact_email", "contact_phone", "language"]},
        ),
        (
            _("Verzeichnis"),
            {"fields": ["listed", "wants_listing", "founding_partner", "entry_confirmed_at",
                        "created_at", "updated_at"]},
        ),
        (
            _("Mitgliedschaft"),
            {
                "fields": ["status_display", "certificate_link", "membership_links"],
                "description": _(
                    "Der Status folgt aus den Unterzeichnungen unten: Eine neue Unterzeichnung "
                    "auf Papier erfassen Sie mit „Partner hinzufügen“, einen Austritt per Brief "
                    "mit „Austritt eintragen“."
                ),
            },
        ),
    ]

    class Media:
        css = {"all": ["css/admin_partners.css"]}

    def add_view(self, request, form_url="", extra_context=None):
        """One way to add a partner: the declaration it signed on paper (the status
        follows from that signature). Organisations that sign online add themselves."""
        return self.paper_signature_view(request)

    def get_queryset(self, request):
        # Ordered here: with the annotations' GROUP BY, Django leaves out the model's
        # ordering, and the partner search of the admin's select boxes paged an unordered list.
        return super().get_queryset(request).with_partner_since().with_status().order_by("name", "pk")

    @admin.display(description=_("Status"), ordering="membership")
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("Organisation"), ordering="name")
    def organisation(self, obj):
        details = " · ".join(part for part in (obj.get_kind_display(), obj.town) if part)
        return format_html('{}<span class="partner-details">{}</span>', obj.name, details)

    @admin.display(description=_("im Verzeichnis"), ordering="listed")
    def directory_display(self, obj):
        if obj.listed:
            return _("gezeigt")
        return _("verborgen") if obj.wants_listing else _("verborgen (ohne Einwilligung)")

    @admin.display(description=_("Partner seit"), ordering="partner_since")
    def partner_since_display(self, obj):
        return german_day(obj.partner_since) or "–"

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description=_("Hinweis"))
    def duplicate_note(self, partner):
        if partner.possible_duplicate_id is None:
            return "–"
        return format_html(
            '<strong>{}</strong> <a class="button" href="{}">{}</a>',
            _("möglicherweise dieselbe Organisation wie „%(name)s“") % {"name": partner.possible_duplicate},
            reverse("admin:partners_partner_duplicate", args=[partner.pk]),
            _("Entscheiden"),
        )

    @admin.display(description=_("Austritt und Auskunft"))
    def membership_links(self, partner):
        if not partner.pk:
            return "–"
        links = []
        if partner.is_member:
            url = reverse("admin:partners_partner_withdrawal", args=[partner.pk])
            label = _("Austritt eintragen (Brief, Anruf)")
            links.append(format_html('<a class="button" href="{}">{}</a>', url, label))
        url = reverse("admin:partners_partner_data", args=[partner.pk])
        label = _("Alle gespeicherten Daten herunterladen (Auskunft nach DSGVO)")
        links.append(format_html('<a href="{}">{}</a>', url, label))
        return format_html_join(" ", "{}", ((link,) for link in links))

    # --- deleting ----------------------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        partner = self.get_object(request, object_id)
        if partner is not None and partner.signatures.exists():
            messages.error(request, HISTORY_KEPT)
            return redirect("admin:partners_partner_change", partner.pk)
        return super().delete_view(request, object_id, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                PartnerAdmin.delete_without_history, "delete_selected", actions["delete_selected"][2]
            )
        return actions

    def delete_without_history(self, request, queryset):
        """Django's bulk delete, for partners without membership periods only."""
        kept = queryset.filter(signatures__isnull=False).distinct()
        if kept.exists():
            messages.error(request, HISTORY_KEPT)
            return None
        return delete_selected(self, request, queryset)

    # --- actions ---------------------------------------------------------------

    @admin.action(description=_("Im Verzeichnis zeigen (freigeben)"), permissions=["change"])
    def release_action(self, request, queryset):
        released = refused = 0
        for partner in queryset:
            if coordination.release(partner):
                released += 1
            else:
                refused += 1
        self.message_user(
            request, ngettext("%d Partner freigegeben.", "%d Partner freigegeben.", released) % released
        )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%d Partner möchte nicht öffentlich genannt werden und bleibt verborgen.",
                    "%d Partner möchten nicht öffentlich genannt werden und bleiben verborgen.",
                    refused,
                )
                % refused,
                messages.WARNING,
            )

    @admin.action(description=_("Im Verzeichnis verbergen"), permissions=["change"])
    def hide_action(self, request, queryset):
        for partner in queryset:
            coordination.hide(partner)
        count = len(queryset)
        self.message_user(request, ngettext("%d Partner verborgen.", "%d Partner verborgen.", count) % count)

    @admin.action(description=_("Bestätigungslink erneut senden"), permissions=["change"])
    def resend_confirmation_action(self, request, queryset):
        sent = sum(1 for partner in queryset if services.resend_confirmation(partner))
        skipped = len(queryset) - sent
        self.message_user(
            request,
            ngettext("%d Bestätigungslink gesendet.", "%d Bestätigungslinks gesendet.", sent) % sent,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d Partner wartet auf keine Bestätigung.",
                    "%d Partner warten auf keine Bestätigung.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )

    @admin.action(description=_("Papier-Unterzeichnung erfassen"), permissions=["change"])
    def paper_signature_action(self, request, queryset):
        if len(queryset) != 1:
            self.message_user(
                request, _("Bitte genau einen Partner auswählen."), messages.ERROR
            )
            return None
        url = reverse("admin:partners_partner_paper_signature")
        return redirect(f"{url}?partner={queryset[0].pk}")

    @admin.action(description=_("Ausgewählte Partner als CSV exportieren"), permissions=["view"])
    def export_action(self, request, queryset):
        return exports.respond(partners_table(queryset), "csv", request.user)
