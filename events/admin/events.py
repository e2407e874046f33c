"""Admin of events, with their invitations, registrations and collected suggestions."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from arbeitsgruppen.roles import WorkingGroupScopedAdmin
from buendnis import exports
from buendnis.exports import json_download
from buendnis.history import HistoryAdmin
from buendnis.lib.richtext import RichTextAdminMixin
from buendnis.tenancy import own_account
from buendnis.translations_admin import TranslationsAdminMixin
from events import services
from events.admin.attendance import AttendanceAdminMixin
from events.admin.meeting import MeetingPageAdminMixin
from events.exports import replies_table
from events.models import Event, Invitation, Registration, Suggestion
from partners.models import SigningSession


class EventRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "working_group"


class EventPartRoleAdmin(WorkingGroupScopedAdmin):
    """Invitations, registrations and minutes: they belong to the group of their event."""

    group_path = "event__working_group"


class AgendaItemRoleAdmin(WorkingGroupScopedAdmin):
    group_path = "minutes__event__working_group"
    scoped_choices = {"minutes": "event__working_group"}

# Event slugs that would collide with the fixed addresses under /termine/.
RESERVED_SLUGS = {"kalender", "archiv", "abmelden", "einladung"}


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title", "slug", "kind", "working_group", "description", "starts_at", "ends_at",
            "venue", "address", "is_public", "published", "registration_open", "capacity",
            "registration_deadline", "childcare_offered", "reminders", "reminder_days", "reminder_text",
        ]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("Diese Adresse ist für das Portal reserviert. Bitte wählen Sie eine andere.")
            )
        return slug


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    can_delete = False
    fields = [
        "name", "email", "number_of_people", "childcare_needed", "number_of_children",
        "children_ages", "accessibility_needs", "created_at", "cancelled_at",
    ]
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    can_delete = False
    fields = ["partner", "sent_at", "reply", "number_of_people", "replied_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("partner")


class SuggestionInline(admin.TabularInline):
    """Wishes handed in at the event (cards, flip charts), entered by the coordinator."""

    model = Suggestion
    extra = 0
    fields = ["text", "status"]
    verbose_name = gettext_lazy("bei der Veranstaltung gesammelte Anregung")
    verbose_name_plural = gettext_lazy("bei der Veranstaltung gesammelte Anregungen")
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


@admin.register(Event)
class EventAdmin(
    TranslationsAdminMixin,
    RichTextAdminMixin,
    AttendanceAdminMixin,
    MeetingPageAdminMixin,
    EventRoleAdmin,
    HistoryAdmin,
):
    rich_text_fields = ["description"]
    form = EventAdminForm
    list_display = [
        "title", "starts_at", "kind", "is_public", "published", "registration_open", "expected",
    ]
    list_filter = ["kind", "is_public", "published", "registration_open", "working_group"]
    search_fields = ["title", "venue", "description"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["cycle", "overview"]
    inlines = [InvitationInline, RegistrationInline, SuggestionInline]
    actions = [
        "export_replies_action",
        "open_signing_session",
    ]
    fieldsets = [
        (gettext_lazy("Ablauf"), {"fields": ["cycle"]}),
        (None, {"fields": ["title", "slug", "kind", "working_group", "description"]}),
        (gettext_lazy("Zeit und Ort"), {"fields": ["starts_at", "ends_at", "venue", "address"]}),
        (gettext_lazy("Sichtbarkeit"), {"fields": ["is_public", "published"]}),
        (
            gettext_lazy("Anmeldung"),
            {
                "fields": [
                    "registration_open", "capacity", "registration_deadline", "childcare_offered",
                ]
            },
        ),
        (gettext_lazy("Erinnerungen"), {"fields": ["reminders", "reminder_days", "reminder_text"]}),
        (gettext_lazy("Zusagen und Anmeldungen"), {"fields": ["overview"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_places_taken()

    @admin.display(description=gettext_lazy("erwartete Personen"), ordering="places_taken")
    def expected(self, event):
        if event.capacity is None:
            return event.places_taken
        return f"{event.places_taken} / {event.capacity}"

    @admin.display(description=gettext_lazy("Übersicht"))
    def overview(self, event):
        if not event.pk:
            return "–"
        totals = event.attendance_totals()
        registrations = totals["registrations"]
        invitations = totals["invitations"]
        lines = [
            _("Erwartete Personen insgesamt: %(people)s") % {"people": totals["people"]},
            _("Kinderbetreuung: %(children)s Plätze") % {"children": totals["childcare_places"]},
            _("Öffentliche Anmeldungen: %(count)s mit %(people)s Personen")
            % {"count": registrations["count"], "people": registrations["people"]},
            _("Einladungen versandt: %(sent)s – zugesagt: %(accepted)s (%(people)s Personen), "
              "abgesagt: %(declined)s, offen: %(pending)s")
            % invitations,
        ]
        if event.capacity is not None:
            lines.append(_("Freie Plätze: %(left)s von %(capacity)s")
                         % {"left": event.places_left, "capacity": event.capacity})
        csv_url = reverse("admin:events_event_csv", args=[event.pk])
        return format_html(
            "<ul>{}</ul><p><a href=\"{}\">{}</a></p>",
            format_html_join("", "<li>{}</li>", ((line,) for line in lines)),
            csv_url,
            _("Zusagen und Anmeldungen als CSV herunterladen"),
        )

    def get_urls(self):
        urls = [
            path(
                "<int:event_id>/teilnehmende.csv",
                self.admin_site.admin_view(self.csv_export),
                name="events_event_csv",
            )
        ]
        return urls + super().get_urls()

    def csv_export(self, request, event_id):
        event = get_object_or_404(self.get_queryset(request), pk=event_id)
        if not self.has_view_permission(request, event):
            raise PermissionDenied
        return exports.respond(replies_table(event), "csv", request.user)

    @admin.action(
        description=gettext_lazy("Antworten und Anmeldungen als Excel exportieren (ein Termin)"),
        permissions=["view"],
    )
    def export_replies_action(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Bitte genau einen Termin auswählen."), messages.ERROR)
            return None
        return exports.respond(replies_table(queryset.get()), "xlsx", request.user)

    @admin.action(description=gettext_lazy("Unterzeichnung vor Ort öffnen (QR-Code)"),
                  permissions=["change"])
    def open_signing_session(self, request, queryset):
        """A link for signing at the event, open from an hour before it until it ends."""
        if queryset.count() != 1:
            self.message_user(request, _("Bitte genau einen Termin auswählen."), messages.ERROR)
            return None
        event = queryset.get()
        session = event.signing_session
        if session is None:
            session = SigningSession.objects.create(
                title=event.title,
                starts_at=event.starts_at - datetime.timedelta(hours=1),
                ends_at=event.ends_at,
                created_by=own_account(request.user),
            )
            Event.objects.filter(pk=event.pk).update(signing_session=session)
        return redirect("admin:partners_signingsession_change", session.pk)


@admin.register(Invitation)
class InvitationAdmin(EventPartRoleAdmin, admin.ModelAdmin):
    list_display = ["partner", "event", "sent_at", "reply", "number_of_people", "replied_at"]
    list_filter = ["reply", "event"]
    list_select_related = ["partner", "event"]
    search_fields = ["partner__name", "event__title"]
    readonly_fields = ["event", "partner", "sent_at", "replied_at"]
    fields = ["event", "partner", "sent_at", "reply", "number_of_people", "replied_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Registration)
class RegistrationAdmin(EventPartRoleAdmin, admin.ModelAdmin):
    list_display = [
        "name", "event", "number_of_people", "childcare_needed", "number_of_children",
        "created_at", "cancelled_at",
    ]
    list_filter = ["event", "childcare_needed", ("cancelled_at", admin.EmptyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["name", "email", "event__title"]
    readonly_fields = ["event", "created_at", "cancelled_at"]

    actions = ["personal_data_action"]

    @admin.action(description=gettext_lazy("Auskunft: gespeicherte Daten als JSON"), permissions=["change"])
    def personal_data_action(self, request, queryset):
        """Everything stored about the chosen registration's registrant (DSGVO Art. 15, 20)."""
        if queryset.count() != 1:
            self.message_user(request, _("Bitte genau eine Anmeldung auswählen."), messages.ERROR)
            return None
        registration = queryset.get()
        data = services.personal_data_of_registrant(registration.email)
        return json_download(data, f"anmeldung-{registration.pk}.json")

    def has_add_permission(self, request):
        return False

