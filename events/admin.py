import csv

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from buendnis import exports, roles
from buendnis.models import Suggestion
from events import services, tasks
from events.documents import MinutesPdfAdminMixin
from events.models import AgendaItem, Event, Invitation, Minutes, Registration, Task

# Event slugs that would collide with the fixed addresses under /termine/.
RESERVED_SLUGS = {"kalender", "archiv", "abmelden", "einladung"}


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title", "slug", "kind", "working_group", "description", "starts_at", "ends_at",
            "venue", "address", "is_public", "published", "registration_open", "capacity",
            "registration_deadline", "childcare_offered",
        ]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _("Diese Kurzadresse ist für das Portal reserviert. Bitte wählen Sie eine andere.")
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


def _csv_cell(value):
    """Spreadsheet programs run cells that start like a formula; defuse them."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _format_datetime(value):
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


@admin.register(Event)
class EventAdmin(roles.EventRoleAdmin, admin.ModelAdmin):
    form = EventAdminForm
    list_display = [
        "title", "starts_at", "kind", "is_public", "published", "registration_open", "expected",
    ]
    list_filter = ["kind", "is_public", "published", "registration_open", "working_group"]
    search_fields = ["title", "venue", "description"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["overview"]
    inlines = [InvitationInline, RegistrationInline, SuggestionInline]
    actions = ["invite_active_partners", "invite_working_group_members", exports.export_event_action]
    fieldsets = [
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
        event = get_object_or_404(Event, pk=event_id)
        if not self.has_view_permission(request, event):
            raise PermissionDenied
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{event.slug}-teilnehmende.csv"'
        response.write("\ufeff")  # lets spreadsheet programs recognise UTF-8
        writer = csv.writer(response, delimiter=";")
        writer.writerow([
            _("Art"), _("Name"), _("E-Mail"), _("Status"), _("Personen"),
            _("Kinderbetreuung"), _("Anzahl Kinder"), _("Alter der Kinder"),
            _("Barrierefreiheit"), _("Datum"),
        ])
        for invitation in event.invitations.select_related("partner").order_by("partner__name"):
            writer.writerow([_csv_cell(value) for value in (
                _("Einladung"), invitation.partner.name, invitation.partner.contact_email,
                invitation.get_reply_display(), invitation.number_of_people, "", "", "", "",
                _format_datetime(invitation.replied_at or invitation.sent_at),
            )])
        for registration in event.registrations.active().order_by("created_at"):
            writer.writerow([_csv_cell(value) for value in (
                _("Anmeldung"), registration.name, registration.email, _("angemeldet"),
                registration.number_of_people,
                _("ja") if registration.childcare_needed else _("nein"),
                registration.number_of_children, registration.children_ages,
                registration.accessibility_needs, _format_datetime(registration.created_at),
            )])
        return response

    def _enqueue_invitations(self, request, event, working_group=None):
        if event.has_started:
            self.message_user(
                request,
                _("„%(event)s“ hat schon begonnen; es werden keine Einladungen mehr versandt.")
                % {"event": event},
                messages.WARNING,
            )
            return
        waiting = services.invitation_targets(event, working_group).count()
        if not waiting:
            self.message_user(
                request,
                _("Zu „%(event)s“ sind bereits alle Partner eingeladen.") % {"event": event},
                messages.INFO,
            )
            return
        tasks.send_invitations.enqueue(
            event_id=event.pk, working_group_id=working_group.pk if working_group else None
        )
        self.message_user(
            request,
            _("Die Einladungen zu „%(event)s“ an %(count)s Partner werden im Hintergrund "
              "versandt. Die Antworten erscheinen hier beim Termin.")
            % {"event": event, "count": waiting},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Alle aktiven Partner einladen"),
                  permissions=["change"])
    def invite_active_partners(self, request, queryset):
        for event in queryset:
            self._enqueue_invitations(request, event)

    @admin.action(description=gettext_lazy("Mitglieder der Arbeitsgruppe einladen"),
                  permissions=["change"])
    def invite_working_group_members(self, request, queryset):
        for event in queryset.select_related("working_group"):
            if event.working_group is None:
                self.message_user(
                    request,
                    _("„%(event)s“ gehört zu keiner Arbeitsgruppe.") % {"event": event},
                    messages.WARNING,
                )
                continue
            self._enqueue_invitations(request, event, event.working_group)


@admin.register(Invitation)
class InvitationAdmin(roles.EventPartRoleAdmin, admin.ModelAdmin):
    list_display = ["partner", "event", "sent_at", "reply", "number_of_people", "replied_at"]
    list_filter = ["reply", "event"]
    list_select_related = ["partner", "event"]
    search_fields = ["partner__name", "event__title"]
    readonly_fields = ["event", "partner", "sent_at", "replied_at"]
    fields = ["event", "partner", "sent_at", "reply", "number_of_people", "replied_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Registration)
class RegistrationAdmin(roles.EventPartRoleAdmin, admin.ModelAdmin):
    list_display = [
        "name", "event", "number_of_people", "childcare_needed", "number_of_children",
        "created_at", "cancelled_at",
    ]
    list_filter = ["event", "childcare_needed", ("cancelled_at", admin.EmptyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["name", "email", "event__title"]
    readonly_fields = ["event", "created_at", "cancelled_at"]

    def has_add_permission(self, request):
        return False


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 1
    fields = ["position", "title", "discussion", "decisions"]
    show_change_link = True
    verbose_name_plural = gettext_lazy(
        "Tagesordnungspunkte (Aufgaben über „Ändern“ beim jeweiligen Punkt)"
    )


class TaskInline(admin.TabularInline):
    model = Task
    extra = 1
    fields = ["description", "responsible", "due_on"]


@admin.register(AgendaItem)
class AgendaItemAdmin(roles.AgendaItemRoleAdmin, admin.ModelAdmin):
    """Reached from the minutes; here the tasks of one agenda item are entered."""

    list_display = ["title", "minutes", "position"]
    list_select_related = ["minutes__event"]
    fields = ["minutes", "position", "title", "discussion", "decisions"]
    inlines = [TaskInline]

    def has_module_permission(self, request):
        return False


@admin.register(Minutes)
class MinutesAdmin(MinutesPdfAdminMixin, roles.MinutesRoleAdmin, SimpleHistoryAdmin):
    list_display = ["event", "status", "visibility", "approved_at", "approved_by", "pdf_link"]
    list_filter = ["status", "visibility"]
    list_select_related = ["event", "approved_by"]
    search_fields = ["event__title", "summary"]
    filter_horizontal = ["partners_present"]
    inlines = [AgendaItemInline]
    actions = ["approve", "reopen"]
    readonly_fields = ["status", "approved_at", "approved_by", "collected_suggestions", "pdf_link"]
    fieldsets = [
        (None, {"fields": ["event", "visibility", "recorded_by", "summary"]}),
        (gettext_lazy("Anwesende"), {"fields": ["partners_present", "number_of_guests"]}),
        (gettext_lazy("Anregungen"), {"fields": ["collected_suggestions"]}),
        (gettext_lazy("Freigabe"), {"fields": ["status", "approved_at", "approved_by", "pdf_link"]}),
    ]

    @admin.display(description=gettext_lazy("bei der Veranstaltung gesammelte Anregungen"))
    def collected_suggestions(self, minutes):
        if not minutes.pk:
            return _("Nach dem Speichern erscheinen hier die Anregungen, die zu diesem Termin "
                     "eingegangen sind.")
        suggestions = minutes.event.suggestions.order_by("created_at")
        event_url = reverse("admin:events_event_change", args=[minutes.event_id])
        hint = format_html(
            '<p>{} <a href="{}">{}</a></p>',
            _("Anregungen von der Veranstaltung tragen Sie beim Termin ein oder ordnen sie unter "
              "„Wünsche und Anregungen“ dem Termin zu."),
            event_url,
            _("Zum Termin"),
        )
        if not suggestions:
            return hint
        return format_html(
            "<ul>{}</ul>{}",
            format_html_join(
                "", "<li>{} ({})</li>",
                ((suggestion.text, suggestion.get_status_display()) for suggestion in suggestions),
            ),
            hint,
        )

    def has_approve_permission(self, request):
        # The custom permission comes with the roles (Koordination, Steuerungsgruppe).
        return request.user.has_perm("events.approve_minutes")

    @admin.action(description=gettext_lazy("Protokoll freigeben"), permissions=["approve"])
    def approve(self, request, queryset):
        for minutes in queryset.select_related("event"):
            try:
                services.approve_minutes(minutes, request.user)
            except services.Refused as refused:
                self.message_user(request, f"{minutes.event}: {refused.message}", messages.ERROR)
                continue
            self.message_user(
                request, _("Protokoll zu „%(event)s“ freigegeben.") % {"event": minutes.event}
            )

    @admin.action(description=gettext_lazy("Zurück auf Entwurf setzen"), permissions=["approve"])
    def reopen(self, request, queryset):
        for minutes in queryset.select_related("event"):
            services.reopen_minutes(minutes)
        self.message_user(request, _("Die Protokolle sind wieder Entwürfe."))
