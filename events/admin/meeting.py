"""The meeting page: the cycle of a meeting on its own admin page, a button for each next
step, each step a preview with a confirmation (GET shows, POST does).

- `<pk>/einladen/`: the mail, the recipients, the partners without e-mail, then send;
- `<pk>/einladungsbriefe.pdf`: one letter for every partner without e-mail;
- `<pk>/tagesordnung/` and `…/uebernehmen/`: the agenda, and a copy of the last one;
- `<pk>/freigeben/` and `<pk>/veroeffentlichen/`: approve and publish the minutes.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buendnis.lib.pdf import pdf_response
from events import documents, meetings, services
from events.models import Event

# The next step of each stage: (button label, URL name); each leads to a confirmation page.
NEXT_STEPS = {
    Event.Stage.DRAFT: [(gettext_lazy("Einladen …"), "events_event_invite")],
    Event.Stage.INVITED: [
        (gettext_lazy("Weitere Partner einladen …"), "events_event_invite"),
        (gettext_lazy("Anwesenheit erfassen"), "events_event_checkin"),
    ],
    Event.Stage.RUNNING: [(gettext_lazy("Anwesenheit erfassen"), "events_event_checkin")],
    Event.Stage.MINUTES_DRAFT: [(gettext_lazy("Protokoll freigeben …"), "events_event_approve")],
    Event.Stage.APPROVED: [(gettext_lazy("Protokoll veröffentlichen …"), "events_event_publish")],
}


class MeetingPageAdminMixin:
    def get_urls(self):
        def view(route, name, func):
            return path(route, self.admin_site.admin_view(func), name=f"events_event_{name}")

        return [
            view("<int:pk>/einladen/", "invite", self.invite_view),
            view("<int:pk>/einladungsbriefe.pdf", "letters", self.letters_view),
            view("<int:pk>/tagesordnung/", "agenda", require_POST(self.agenda_view)),
            view("<int:pk>/tagesordnung/uebernehmen/", "copy_agenda", require_POST(self.copy_agenda_view)),
            view("<int:pk>/tagesordnung/aufgaben/", "open_tasks", require_POST(self.open_tasks_view)),
            view("<int:pk>/freigeben/", "approve", self.approve_view),
            view("<int:pk>/veroeffentlichen/", "publish", self.publish_view),
        ] + super().get_urls()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            meetings.open_agenda(obj)

    def _meeting(self, request, pk, approve=False):
        event = get_object_or_404(self.get_queryset(request).select_related("minutes"), pk=pk)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        if approve and not request.user.has_perm("events.approve_minutes"):
            raise PermissionDenied
        return event

    def _page(self, request, event, template, title, **context):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta, "title": title, "event": event, **context,
        }
        return TemplateResponse(request, f"admin/events/event/{template}", context)

    def _back(self, request, event, message=None, level=messages.SUCCESS):
        if message:
            messages.add_message(request, level, message)
        return redirect("admin:events_event_change", event.pk)

    def invite_view(self, request, pk):
        event = self._meeting(request, pk)
        if request.method == "POST":
            try:
                by_mail, by_letter = meetings.invite(event, request.user)
            except meetings.Refused as refused:
                return self._back(request, event, refused.message, messages.ERROR)
            message = _("Die Einladungen an %(mail)s Partner gehen im Hintergrund per E-Mail hinaus.") % {
                "mail": by_mail}
            if by_letter:
                message += " " + _("%(letter)s Partner bekommen einen Brief: das PDF steht beim Treffen.") % {
                    "letter": by_letter}
            return self._back(request, event, message)
        preview = meetings.invitation_preview(event)
        title = _("Einladen: %(event)s") % {"event": event}
        return self._page(request, event, "invite.html", title, **preview)

    def letters_view(self, request, pk):
        event = self._meeting(request, pk)
        invitations = list(meetings.letter_invitations(event))
        if not invitations:
            return self._back(request, event, _("Es gibt keine Einladungen per Brief."), messages.INFO)
        stored = documents.invitation_letters_pdf(event, invitations)
        return pdf_response(request, stored, f"Einladungsbriefe-{event.slug}.pdf", private=True)

    def agenda_view(self, request, pk):
        minutes = meetings.open_agenda(self._meeting(request, pk))
        return redirect("admin:events_minutes_change", minutes.pk)

    def copy_agenda_view(self, request, pk):
        event = self._meeting(request, pk)
        try:
            copied = meetings.copy_agenda(event)
        except meetings.Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("%(count)s Tagesordnungspunkte übernommen.") % {"count": len(copied)})
        return redirect("admin:events_minutes_change", meetings.open_agenda(event).pk)

    def open_tasks_view(self, request, pk):
        event = self._meeting(request, pk)
        try:
            meetings.add_open_tasks_to_agenda(event)
        except meetings.Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Die offenen Aufgaben stehen jetzt auf der Tagesordnung."))
        return redirect("admin:events_minutes_change", meetings.open_agenda(event).pk)

    def approve_view(self, request, pk):
        event = self._meeting(request, pk, approve=True)
        minutes = meetings.open_agenda(event) if request.method == "POST" else getattr(event, "minutes", None)
        if request.method == "POST":
            try:
                minutes = services.approve_minutes(minutes, request.user)
            except meetings.Refused as refused:
                return self._back(request, event, refused.message, messages.ERROR)
            return self._back(request, event, _("Protokoll freigegeben (Version %(version)s).") % {
                "version": minutes.version})
        return self._page(request, event, "approve.html", _("Protokoll freigeben: %(event)s") % {
            "event": event}, minutes=minutes)

    def publish_view(self, request, pk):
        event = self._meeting(request, pk, approve=True)
        if request.method == "POST":
            try:
                services.publish_minutes(meetings.open_agenda(event))
            except meetings.Refused as refused:
                return self._back(request, event, refused.message, messages.ERROR)
            return self._back(request, event, _("Das Protokoll ist veröffentlicht."))
        title = _("Protokoll veröffentlichen: %(event)s") % {"event": event}
        return self._page(request, event, "publish.html", title, minutes=getattr(event, "minutes", None))

    @admin.display(description=gettext_lazy("Stand"))
    def cycle(self, event):
        """The status line and the buttons for the next steps."""
        if not event.pk:
            return _("Nach dem Speichern: Tagesordnung, Einladung, Protokoll.")
        current = event.stage
        stages = format_html_join(
            "", "<li{}>{}</li>",
            ((mark_safe(' class="current" aria-current="step"') if stage == current else "", stage.label)
             for stage in Event.Stage),
        )
        buttons = [
            (reverse(f"admin:{name}", args=[event.pk]), label)
            for label, name in NEXT_STEPS.get(current, [])
        ]
        return format_html(
            '<ol class="meeting-cycle">{}</ol><p class="meeting-steps">{}</p>{}',
            stages,
            format_html_join(" ", '<a class="button" href="{}">{}</a>', buttons),
            self._documents(event),
        )

    def _documents(self, event):
        minutes = getattr(event, "minutes", None)
        links = []
        if minutes is not None:
            total = minutes.agenda_minutes
            links.append((reverse("admin:events_minutes_change", args=[minutes.pk]),
                          _("Tagesordnung und Protokoll (%(total)s Minuten)") % {"total": total}))
            links.append((reverse("admin:events_minutes_pdf", args=[minutes.pk]), _("Protokoll als PDF")))
        links.append((reverse("admin:events_event_attendance_list", args=[event.pk]),
                      _("Anwesenheitsliste zum Unterschreiben (PDF)")))
        if event.invited_at and meetings.letter_invitations(event).exists():
            links.append((reverse("admin:events_event_letters", args=[event.pk]),
                          _("Einladungsbriefe (PDF)")))
        agenda_button = ""
        if minutes is None:
            # Inside the change form: the button posts that form (with its CSRF token) elsewhere.
            agenda_button = format_html(
                '<p><button type="submit" class="button" formaction="{}">{}</button></p>',
                reverse("admin:events_event_agenda", args=[event.pk]), _("Tagesordnung anlegen"),
            )
        fingerprint = ""
        if minutes is not None and minutes.approved_sha256:
            fingerprint = format_html(
                "<p>{} <code>{}</code></p>",
                _("Freigegeben: Version %(version)s, SHA-256 des PDFs") % {"version": minutes.version},
                minutes.approved_sha256,
            )
        return format_html(
            "{}<ul>{}</ul>{}", agenda_button,
            format_html_join("", '<li><a href="{}">{}</a></li>', links), fingerprint,
        )
