from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from buendnis import exports, roles
from buendnis.lib.admin import ReadOnlyAdminMixin
from buendnis.lib.images import ImageUploadField
from buendnis.lib.pdf import pdf_response
from partners import documents, services
from partners.exports import partners_table
from partners.forms import PaperSignatureForm, https_urls
from partners.models import Declaration, Partner, Signature

CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]


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
    """Membership periods are history: shown, never edited here."""

    model = Signature
    extra = 0
    can_delete = False
    fields = ["declaration", "source", "signed_at", "signed_by", "confirmed_at", "withdrawn_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("declaration")


class PartnerAdminForm(forms.ModelForm):
    logo = ImageUploadField(label=_("Logo"), required=False)

    class Meta:
        model = Partner
        formfield_callback = https_urls
        fields = [
            "name", "slug", "kind", "town", "website", "logo", "description", "contribution",
            "fields_of_action", "contact_name", "contact_email", "contact_phone", "listed",
            "wants_listing", "founding_partner",
        ]


def _date(value):
    return timezone.localtime(value).strftime("%d.%m.%Y") if value else ""


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


@admin.register(Partner)
class PartnerAdmin(PartnerCertificateAdminMixin, PartnerContactScopedAdmin, SimpleHistoryAdmin):
    form = PartnerAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "name",
        "kind",
        "town",
        "status_display",
        "listed",
        "wants_listing",
        "founding_partner",
        "partner_since_display",
    ]
    list_filter = [StatusFilter, "listed", "wants_listing", "founding_partner", "kind"]
    search_fields = ["name", "town", "contact_name", "contact_email"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["fields_of_action"]
    readonly_fields = ["entry_confirmed_at", "created_at", "updated_at", "certificate_link"]
    inlines = [SignatureInline]
    actions = [
        "release_action",
        "hide_action",
        "resend_confirmation_action",
        "paper_signature_action",
        "export_action",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "town", "website", "logo"]}),
        (_("Selbstdarstellung"), {"fields": ["description", "contribution", "fields_of_action"]}),
        (
            _("Ansprechperson (nie öffentlich)"),
            {"fields": ["contact_name", "contact_email", "contact_phone"]},
        ),
        (
            _("Verzeichnis"),
            {"fields": ["listed", "wants_listing", "founding_partner", "entry_confirmed_at",
                        "created_at", "updated_at", "certificate_link"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_partner_since().with_status()

    @admin.display(description=_("Status"), ordering="membership")
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("Partner seit"), ordering="partner_since")
    def partner_since_display(self, obj):
        return _date(obj.partner_since) or "–"

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    # --- actions ---------------------------------------------------------------

    @admin.action(description=_("Im Verzeichnis zeigen (freigeben)"), permissions=["change"])
    def release_action(self, request, queryset):
        released = refused = 0
        for partner in queryset:
            if services.release(partner):
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
            services.hide(partner)
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

    # --- paper signatures ------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "papier/",
                self.admin_site.admin_view(self.paper_signature_view),
                name="partners_partner_paper_signature",
            ),
            *super().get_urls(),
        ]

    def paper_signature_view(self, request):
        if not self.has_add_permission(request) or not self.has_change_permission(request):
            return redirect("admin:index")
        initial = {"signed_on": timezone.localdate()}
        if request.GET.get("partner", "").isdigit():
            initial["partner"] = int(request.GET["partner"])
        form = PaperSignatureForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                signature = services.enter_paper_signature(**form.cleaned_data)
            self.message_user(
                request,
                _("Papier-Unterzeichnung von „%(name)s“ erfasst.") % {"name": signature.partner.name},
            )
            return redirect("admin:partners_partner_change", signature.partner.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Papier-Unterzeichnung erfassen"),
            "form": form,
        }
        return TemplateResponse(request, "admin/partners/partner/paper_signature.html", context)


class DeclarationAdminForm(forms.ModelForm):
    class Meta:
        model = Declaration
        fields = ["version", "title", "text", "valid_from", "is_current"]

    def clean_is_current(self):
        is_current = self.cleaned_data["is_current"]
        if not is_current and self.instance.pk and self.instance.is_current:
            raise forms.ValidationError(
                _("Genau eine Fassung ist aktuell. Markieren Sie stattdessen eine andere Fassung "
                  "als aktuell.")
            )
        return is_current

    def _get_validation_exclusions(self):
        # The "one current version" constraint is kept by save_model, which unmarks
        # the previous current version in the same transaction.
        exclude = super()._get_validation_exclusions()
        exclude.add("is_current")
        return exclude


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    form = DeclarationAdminForm
    list_display = ["version", "title", "valid_from", "is_current", "signature_count"]
    search_fields = ["version", "title", "text"]
    actions = ["make_current_action"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(signature_count=Count("signatures"))

    @admin.display(description=_("Unterzeichnungen"), ordering="signature_count")
    def signature_count(self, obj):
        return obj.signature_count

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            if obj.is_current:
                Declaration.objects.exclude(pk=obj.pk).filter(is_current=True).update(
                    is_current=False
                )
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Als aktuelle Fassung festlegen"), permissions=["change"])
    def make_current_action(self, request, queryset):
        if len(queryset) != 1:
            self.message_user(request, _("Bitte genau eine Fassung auswählen."), messages.ERROR)
            return
        declaration = queryset[0]
        with transaction.atomic():
            Declaration.objects.filter(is_current=True).update(is_current=False)
            Declaration.objects.filter(pk=declaration.pk).update(is_current=True)
        self.message_user(request, _("„%(name)s“ ist jetzt die aktuelle Fassung.") % {"name": declaration})


@admin.register(Signature)
class SignatureAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Membership periods, read-only: to look up a period and its change history."""

    list_display = [
        "partner", "status_display", "declaration", "source", "signed_at", "confirmed_at",
        "withdrawn_at",
    ]
    list_filter = ["source", "declaration"]
    list_select_related = ["partner", "declaration"]
    search_fields = ["partner__name"]
    date_hierarchy = "signed_at"
    fields = ["partner", "declaration", "source", "signed_at", "signed_by", "confirmed_at", "withdrawn_at"]

    @admin.display(description=_("Status"))
    def status_display(self, obj):
        return obj.get_status_display()
