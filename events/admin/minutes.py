"""Admin of minutes: agenda items with their tasks, approval, the PDF."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buendnis.history import HistoryAdmin
from buendnis.lib.pdf import pdf_response
from events import checkin, documents, meetings, services
from events.admin.events import AgendaItemRoleAdmin, EventPartRoleAdmin
from events.models import AgendaItem, Minutes, Task
from partners.models import Partner


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes to tap, with a search field above them (static/js/choice-filter.js)."""

    class Media:
        js = ["js/choice-filter.js"]

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "choice-filter-list", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer)
        context = {"boxes": boxes, "id": (attrs or {}).get("id", "")}
        return render_to_string("admin/widgets/filterable_checkboxes.html", context)


class MinutesForm(forms.ModelForm):
    """Offers the active partners (and those already entered); once the meeting has begun
    and nobody is entered yet, the partners that accepted are ticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("partners_present")
        if field is None:
            return
        # Attendees are partners of the alliance: no "+" to add a new one from here.
        field.widget.can_add_related = False
        minutes = self.instance
        entered = set(minutes.partners_present.values_list("pk", flat=True)) if minutes.pk else set()
        field.queryset = Partner.objects.filter(
            Q(pk__in=Partner.objects.active().values("pk")) | Q(pk__in=entered)
        ).order_by("name")
        if minutes.pk and not entered and not self.is_bound and minutes.event.has_started:
            accepted = checkin.accepted_partner_ids(minutes.event)
            ticked = [partner.pk for partner in field.queryset if partner.pk in accepted]
            self.initial["partners_present"] = ticked
            if ticked:
                field.help_text = _("Vorausgefüllt mit den Partnern, die zugesagt haben.")


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    extra = 1
    fields = [
        ("position", "title", "duration"), "discussion", "decisions",
        ("votes_yes", "votes_no", "votes_abstain"),
    ]
    show_change_link = True
    verbose_name_plural = gettext_lazy(
        "Tagesordnungspunkte (Aufgaben über „Ändern“ beim jeweiligen Punkt)"
    )


class TaskInline(admin.TabularInline):
    model = Task
    extra = 1
    fields = ["description", "responsible", "responsible_account", "due_on", "done_at"]


@admin.register(AgendaItem)
class AgendaItemAdmin(AgendaItemRoleAdmin, HistoryAdmin):
    """Reached from the minutes; here the tasks of one agenda item are entered."""

    list_display = ["title", "minutes", "position"]
    list_select_related = ["minutes__event"]
    fields = [
        "minutes", "position", "title", "duration", "discussion", "decisions",
        "votes_yes", "votes_no", "votes_abstain",
    ]
    inlines = [TaskInline]

    def has_module_permission(self, request):
        return False


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
        stored = documents.minutes_pdf_file(minutes)
        return pdf_response(request, stored, documents.minutes_filename(minutes), private=True)

    @admin.display(description=_("PDF"))
    def pdf_link(self, minutes):
        if not minutes.pk:
            return _("nach dem Speichern verfügbar")
        label = _("PDF ansehen") if minutes.is_approved else _("Vorschau als PDF (Entwurf)")
        url = reverse("admin:events_minutes_pdf", args=[minutes.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, label)


@admin.register(Minutes)
class MinutesAdmin(MinutesPdfAdminMixin, EventPartRoleAdmin, HistoryAdmin):
    list_display = ["event", "status", "visibility", "approved_at", "approved_by", "pdf_link"]
    list_filter = ["status", "visibility"]
    list_select_related = ["event", "approved_by"]
    search_fields = ["event__title", "summary"]
    form = MinutesForm
    inlines = [AgendaItemInline]
    actions = ["approve", "reopen"]
    readonly_fields = [
        "status", "approved_at", "approved_by", "collected_suggestions", "pdf_link", "agenda",
        "version", "approved_sha256", "published_at",
    ]
    fieldsets = [
        (None, {"fields": ["event", "visibility", "recorded_by", "minute_taker", "summary"]}),
        (gettext_lazy("Tagesordnung"), {"fields": ["agenda"]}),
        (gettext_lazy("Anwesende"), {"fields": ["partners_present", "number_of_guests"]}),
        (gettext_lazy("Anregungen"), {"fields": ["collected_suggestions"]}),
        (gettext_lazy("Freigabe"), {"fields": [
            "status", "approved_at", "approved_by", "version", "approved_sha256", "published_at", "pdf_link",
        ]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "partners_present":
            # Ticked by touch, no Ctrl key; the choices are MinutesForm's.
            kwargs["widget"] = FilterableCheckboxes
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=gettext_lazy("Dauer und Übernahme"))
    def agenda(self, minutes):
        if not minutes.pk:
            return "–"
        event_url = reverse("admin:events_event_change", args=[minutes.event_id])
        # Buttons inside the change form post it (with its CSRF token) to the step's address.
        buttons = format_html_join(
            " ", '<button type="submit" class="button" formaction="{}">{}</button>',
            [
                (reverse("admin:events_event_copy_agenda", args=[minutes.event_id]),
                 _("Tagesordnung des letzten Treffens anhängen")),
                (reverse("admin:events_event_open_tasks", args=[minutes.event_id]),
                 _("Offene Aufgaben früherer Treffen als Punkt anhängen")),
            ],
        )
        open_tasks = meetings.open_tasks_before(minutes.event)
        return format_html(
            '<p>{}</p><p>{}</p><ul>{}</ul><p>{} <a href="{}">{}</a></p>',
            _("Geplante Dauer: %(total)s Minuten") % {"total": minutes.agenda_minutes},
            _("Offene Aufgaben früherer Treffen: %(count)s") % {"count": len(open_tasks)},
            format_html_join("", "<li>{}</li>", ((task.description,) for task in open_tasks)),
            buttons, event_url, _("Zum Treffen"),
        )

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

    def _confirmed(self, request, queryset, action, title, explanation):
        """None once the confirmation page was sent back ("post"); until then that page,
        listing the selected minutes, like Django's confirmation before deleting."""
        if not queryset.exists():  # e.g. only ids of another alliance
            self.message_user(request, _("Es ist kein Protokoll ausgewählt."), messages.WARNING)
            return HttpResponseRedirect(request.get_full_path())
        if request.POST.get("post") == "yes":
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta, "title": title, "explanation": explanation, "action": action,
            "minutes_list": queryset.select_related("event").order_by("event__starts_at"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/minutes/confirm_action.html", context)

    @admin.action(description=gettext_lazy("Protokoll freigeben …"), permissions=["approve"])
    def approve(self, request, queryset):
        page = self._confirmed(request, queryset, "approve", _("Protokolle freigeben"), _(
            "Mit der Freigabe wird jedes dieser Protokolle eingefroren: Text und Anwesende bleiben "
            "genau so, wie sie jetzt sind. Das PDF wird mit Versionsnummer und SHA-256-Prüfsumme "
            "gespeichert."))
        if page:
            return page
        for minutes in queryset.select_related("event"):
            try:
                services.approve_minutes(minutes, request.user)
            except services.Refused as refused:
                self.message_user(request, f"{minutes.event}: {refused.message}", messages.ERROR)
                continue
            self.message_user(
                request, _("Protokoll zu „%(event)s“ freigegeben.") % {"event": minutes.event}
            )
        return None

    @admin.action(description=gettext_lazy("Zurück auf Entwurf setzen …"), permissions=["approve"])
    def reopen(self, request, queryset):
        page = self._confirmed(request, queryset, "reopen", _("Protokolle zurück auf Entwurf setzen"), _(
            "Diese Protokolle werden wieder Entwürfe und sind nicht mehr veröffentlicht; das "
            "gespeicherte PDF der Freigabe wird verworfen. Die nächste Freigabe ist eine neue Version."))
        if page:
            return page
        for minutes in queryset.select_related("event"):
            services.reopen_minutes(minutes)
        self.message_user(request, _("Die Protokolle sind wieder Entwürfe."))
        return None
