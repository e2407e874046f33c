"""Admin for mailings: write, preview, send in the background, see who got what."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from buendnis.emails import render_templated
from buendnis.lib.admin import ReadOnlyAdminMixin
from buendnis.tenancy import own_account
from buendnis.translations_admin import TranslationsAdminMixin
from cockpit import mailings, tasks
from cockpit.models import Delivery, Mailing

PREVIEW_RECIPIENTS = 50


class MailingForm(forms.ModelForm):
    class Meta:
        model = Mailing
        fields = ["subject", "body", "audience", "working_group", "event"]

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        if audience == Mailing.Audience.WORKING_GROUP and not data.get("working_group"):
            self.add_error("working_group", _("Bitte wählen Sie die Arbeitsgruppe."))
        if audience == Mailing.Audience.EVENT and not data.get("event"):
            self.add_error("event", _("Bitte wählen Sie den Termin."))
        # Only the target that belongs to the chosen audience is kept.
        if audience != Mailing.Audience.WORKING_GROUP:
            data["working_group"] = None
        if audience != Mailing.Audience.EVENT:
            data["event"] = None
        return data


@admin.register(Mailing)
class MailingAdmin(TranslationsAdminMixin, admin.ModelAdmin):
    form = MailingForm
    list_display = ["subject", "audience_label", "status", "created_at", "sent_at", "delivery_count"]
    list_filter = ["status", "audience"]
    search_fields = ["subject", "body"]
    list_select_related = ["working_group", "event"]
    readonly_fields = ["status", "created_by", "queued_at", "sent_at", "deliveries_link"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                sent_count=Count("deliveries", filter=Q(deliveries__sent_at__isnull=False))
            )
        )

    @admin.display(description=_("Empfänger"))
    def audience_label(self, obj):
        return obj.audience_label

    @admin.display(description=_("zugestellt"), ordering="sent_count")
    def delivery_count(self, obj):
        return obj.sent_count

    @admin.display(description=_("Zustellungen"))
    def deliveries_link(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        url = reverse("admin:cockpit_delivery_changelist") + f"?mailing__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Wer hat diese Rundmail erhalten?"))

    def get_fields(self, request, obj=None):
        fields = ["subject", "body", "audience", "working_group", "event"]
        if obj is not None:
            fields += self.readonly_fields
        return fields

    def has_change_permission(self, request, obj=None):
        # A mailing that went out is a record: it can be read, not changed.
        if obj is not None and not obj.is_draft:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = own_account(request.user)
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return redirect("admin:cockpit_mailing_preview", obj.pk)

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return super().response_change(request, obj)
        return redirect("admin:cockpit_mailing_preview", obj.pk)

    def get_urls(self):
        return [
            path(
                "<int:pk>/vorschau/",
                self.admin_site.admin_view(self.preview_view),
                name="cockpit_mailing_preview",
            ),
            path(
                "<int:pk>/senden/",
                self.admin_site.admin_view(require_POST(self.send_view)),
                name="cockpit_mailing_send",
            ),
            path(
                "<int:pk>/testmail/",
                self.admin_site.admin_view(require_POST(self.test_mail_view)),
                name="cockpit_mailing_test",
            ),
            *super().get_urls(),
        ]

    def _mailing_or_refuse(self, request, pk):
        mailing = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_or_change_permission(request, mailing):
            raise PermissionDenied
        return mailing

    def preview_view(self, request, pk):
        mailing = self._mailing_or_refuse(request, pk)
        first = next(mailings.unique_recipients(mailing), None)
        preview = None
        if first is not None:
            partner, address = first
            message = render_templated("mailing", mailings.mailing_context(mailing, partner), [address])
            preview = {"to": address, "subject": message.subject, "body": message.body}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Vorschau: %(subject)s") % {"subject": mailing.subject},
            "mailing": mailing,
            "preview": preview,
            "recipient_count": mailings.recipient_count(mailing),
            "recipients": list(mailings.recipients(mailing)[:PREVIEW_RECIPIENTS]),
            "shown_recipients": PREVIEW_RECIPIENTS,
            "can_send": mailing.is_draft and self.has_change_permission(request, mailing),
            "not_reached": mailings.not_reached(mailing),
            "deliveries": [] if mailing.is_draft else list(mailing.deliveries.select_related("partner")),
        }
        return TemplateResponse(request, "admin/cockpit/mailing/preview.html", context)

    def send_view(self, request, pk):
        mailing = self._mailing_or_refuse(request, pk)
        if not self.has_change_permission(request, mailing):
            raise PermissionDenied
        if not mailings.recipient_count(mailing):
            messages.error(request, _("Diese Rundmail hat keine Empfänger."))
            return redirect("admin:cockpit_mailing_preview", mailing.pk)
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Bitte bestätigen Sie den Versand mit dem Häkchen."))
            return redirect("admin:cockpit_mailing_preview", mailing.pk)
        if mailings.mark_queued(mailing):
            tasks.send_mailing.enqueue(mailing.alliance_id, mailing.pk)
            messages.success(
                request,
                _("Die Rundmail „%(subject)s“ wird im Hintergrund versandt.")
                % {"subject": mailing.subject},
            )
        else:
            messages.warning(request, _("Diese Rundmail wurde bereits versandt."))
        return redirect("admin:cockpit_mailing_preview", mailing.pk)

    def test_mail_view(self, request, pk):
        """The mailing as the first recipient gets it, to the coordinator herself."""
        mailing = self._mailing_or_refuse(request, pk)
        if not self.has_change_permission(request, mailing):
            raise PermissionDenied
        if not request.user.email:
            messages.error(request, _("Ihr Zugang hat keine E-Mail-Adresse für die Testmail."))
        elif mailings.send_test(mailing, request.user.email) is None:
            messages.error(request, _("Diese Rundmail hat keine Empfänger."))
        else:
            address = request.user.email
            messages.success(request, _("Testmail an %(address)s gesendet.") % {"address": address})
        return redirect("admin:cockpit_mailing_preview", mailing.pk)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The record of what was sent to whom; written only by the sending task."""

    list_display = ["email", "partner", "mailing", "sent_at", "error"]
    list_filter = ["mailing"]
    search_fields = ["email", "partner__name"]
    list_select_related = ["partner", "mailing"]


