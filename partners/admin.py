import csv

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from buendnis.lib.images import process_image
from buendnis.roles import PartnerContactScopedAdmin
from partners import services
from partners.documents import PartnerCertificateAdminMixin
from partners.forms import PaperSignatureForm, https_urls
from partners.models import Declaration, Partner, Signature


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
    logo = forms.FileField(label=_("Logo"), required=False, widget=forms.ClearableFileInput)

    class Meta:
        model = Partner
        formfield_callback = https_urls
        fields = [
            "name", "slug", "kind", "town", "website", "logo", "description", "contribution",
            "fields_of_action", "contact_name", "contact_email", "contact_phone", "listed",
            "wants_listing", "founding_partner",
        ]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            return process_image(logo)
        return logo


def _csv_cell(value):
    # Spreadsheet programs run cells that start like a formula.
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{text}"
    return text


def _date(value):
    return timezone.localtime(value).strftime("%d.%m.%Y") if value else ""


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
        "export_csv_action",
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
        signatures = Signature.objects.filter(partner=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .with_partner_since()
            .annotate(
                has_active=Exists(signatures.active()),
                has_unconfirmed=Exists(signatures.unconfirmed()),
            )
        )

    @admin.display(description=_("Status"))
    def status_display(self, obj):
        if obj.has_active:
            return Signature.Status.ACTIVE.label
        if obj.has_unconfirmed:
            return Signature.Status.UNCONFIRMED.label
        return Signature.Status.WITHDRAWN.label

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

    @admin.action(description=_("Als CSV exportieren"), permissions=["view"])
    def export_csv_action(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="partner.csv"'
        response.write("\ufeff")  # lets spreadsheet programs detect UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow([
            "Name", "Art", "Ort", "Website", "Status", "im Verzeichnis", "Gründungspartner",
            "Partner seit", "unterzeichnete Fassung", "Quelle", "Ansprechperson", "E-Mail",
            "Telefon",
        ])
        partners = queryset.prefetch_related("signatures__declaration").order_by("name")
        for partner in partners:
            signatures = list(partner.signatures.all())
            latest = signatures[0] if signatures else None
            writer.writerow([_csv_cell(value) for value in [
                partner.name,
                partner.get_kind_display(),
                partner.town,
                partner.website,
                self.status_display(partner),
                "ja" if partner.listed else "nein",
                "ja" if partner.founding_partner else "nein",
                _date(partner.partner_since),
                latest.declaration.version if latest else "",
                latest.get_source_display() if latest else "",
                partner.contact_name,
                partner.contact_email,
                partner.contact_phone,
            ]])
        return response

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
