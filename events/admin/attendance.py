"""The meeting page's attendance: check-in on a phone (`<pk>/anwesenheit/`) and the
list to sign (`<pk>/anwesenheitsliste.pdf`)."""

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from buendnis.lib.pdf import pdf_response
from events import checkin


def _ids(values):
    return [int(value) for value in values if value.isdigit()]


class AttendanceAdminMixin:
    def get_urls(self):
        return [
            path("<int:pk>/anwesenheit/", self.admin_site.admin_view(self.checkin_view),
                 name="events_event_checkin"),
            path("<int:pk>/anwesenheitsliste.pdf", self.admin_site.admin_view(self.attendance_list_view),
                 name="events_event_attendance_list"),
        ] + super().get_urls()

    def checkin_view(self, request, pk):
        event = self._meeting(request, pk)
        if request.method == "POST":
            try:
                partners, guests = checkin.check_in(
                    event, _ids(request.POST.getlist("partner")), _ids(request.POST.getlist("registration"))
                )
            except checkin.Refused as refused:
                return HttpResponseBadRequest(refused.message)
            messages.success(request, _("Anwesend: %(partners)s Partner, %(guests)s Gäste.") % {
                "partners": partners, "guests": guests})
            return redirect("admin:events_event_checkin", event.pk)
        context = {
            **self.admin_site.each_context(request), "opts": self.model._meta, "event": event,
            "title": _("Anwesenheit: %(event)s") % {"event": event}, **checkin.choices(event),
        }
        return TemplateResponse(request, "admin/events/event/checkin.html", context)

    def attendance_list_view(self, request, pk):
        event = self._meeting(request, pk)
        stored = checkin.attendance_list_pdf(event)
        return pdf_response(request, stored, f"Anwesenheitsliste-{event.slug}.pdf", private=True)
