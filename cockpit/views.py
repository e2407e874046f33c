"""The coordinator's desk inside the admin: the dashboard above the admin index, and the
downloads of all partners, all projects and one event's replies (`buendnis.exports`)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from arbeitsgruppen.exports import projects_table
from arbeitsgruppen.models import Project
from arbeitsgruppen.roles import led_group_ids
from buendnis import exports, roles
from buendnis.models import Alliance
from cockpit import checklist, dashboard, translation_status
from events.exports import replies_table
from events.models import Event, Task
from opendata import views as opendata_views
from partners.exports import partners_table
from partners.models import Partner


def index(request):
    """The admin index with the dashboard (Koordination, Steuerungsgruppe)."""
    data = None
    if roles.sees_everything(request.user):
        data = dashboard.collect(request.user)
        data["exports"] = export_links(request.user)
        data["can_export_events"] = can_export_events(request.user)
        data["start"] = checklist.start_checklist(request.user)
        data["translations"] = translation_status.overview()
    my_tasks = Task.objects.open().of_account(request.user).select_related("agenda_item__minutes__event")
    return admin.site.index(request, extra_context={"dashboard": data, "my_tasks": my_tasks})


def open_data(request):
    """Everything the alliance publishes, in one place: the formats and their addresses,
    who may embed, under which licence."""
    if not roles.sees_everything(request.user):
        raise PermissionDenied
    alliance = Alliance.current()
    context = {
        **admin.site.each_context(request),
        "title": "Offene Daten",
        "formats": opendata_views.formats(request),
        "downloads": opendata_views.downloads(request),
        "alliance": alliance,
        "profile_url": reverse("admin:buendnis_alliance_change", args=[alliance.pk]),
    }
    return render(request, "admin/cockpit/open_data.html", context)


def export_links(user):
    """The downloads the dashboard offers this user, each as CSV and Excel."""
    tables = []
    if can_export_partners(user):
        label = "Aktive Partner mit Kontaktdaten" if roles.exports_personal_data(user) else "Aktive Partner"
        tables.append((label, "partners"))
    if user.has_perm("arbeitsgruppen.view_project"):
        tables.append(("Projekte", "projects"))
    return [
        {
            "label": label,
            "csv": reverse(f"cockpit:export_{name}", args=["csv"]),
            "xlsx": reverse(f"cockpit:export_{name}", args=["xlsx"]),
        }
        for label, name in tables
    ]


def can_export_partners(user):
    """The whole partner list: for those who see everything; contact data as `exports` rules."""
    return roles.sees_everything(user) and user.has_perm("partners.view_partner")


def can_export_events(user):
    return user.has_perm("events.view_invitation") and user.has_perm("events.view_registration")


def export_partners(request, fmt):
    if not can_export_partners(request.user):
        raise PermissionDenied
    table = partners_table(Partner.objects.active(), title="Aktive Partner")
    return exports.respond(table, fmt, request.user)


def export_projects(request, fmt):
    if not request.user.has_perm("arbeitsgruppen.view_project"):
        raise PermissionDenied
    projects = Project.objects.all()
    if roles.sees_only_led_groups(request.user):
        projects = projects.filter(working_group__in=led_group_ids(request.user))
    return exports.respond(projects_table(projects), fmt, request.user)


def export_event(request, pk, fmt):
    if not can_export_events(request.user):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk)
    if roles.sees_only_led_groups(request.user) and (
        event.working_group_id not in led_group_ids(request.user)
    ):
        raise PermissionDenied
    return exports.respond(replies_table(event), fmt, request.user)


def translations(request):
    """What of the alliance's content is not (or no longer) translated into one of its
    languages, each with the link to its page in the admin."""
    if not roles.sees_everything(request.user):
        raise PermissionDenied
    alliance = Alliance.current()
    languages = [code for code in alliance.offered_languages if code != "de"]
    language = request.GET.get("sprache") or (languages[0] if languages else None)
    if language not in languages:
        raise Http404("Diese Sprache bietet das Bündnis nicht an.")
    found = translation_status.sources(alliance)
    entries = translation_status.entries(alliance, language, found)
    context = {
        **admin.site.each_context(request),
        "title": "Übersetzungen",
        "overview": translation_status.overview(alliance, found),
        "language_name": translation_status.translations.LANGUAGE_NAMES[language],
        "missing": [entry for entry in entries if entry.status == "missing"],
        "outdated": [entry for entry in entries if entry.status == "outdated"],
        "profile_url": reverse("admin:buendnis_alliance_change", args=[alliance.pk]),
    }
    return render(request, "admin/cockpit/translations.html", context)
