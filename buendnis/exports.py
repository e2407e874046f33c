"""Exports for the coordinator as CSV (streamed) and Excel (openpyxl, write-only).

Rows come from `.iterator()`, so 13,000 partners never sit in memory at once:
the CSV is written to the response line by line, the workbook to a temporary file.
"""

import csv
import datetime
import tempfile

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from openpyxl import Workbook

from arbeitsgruppen.models import Project
from buendnis import roles
from partners.models import Partner

CHUNK = 1000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs cells that start like this as formulas (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Table:
    def __init__(self, filename, title, header, rows):
        self.filename, self.title, self.header, self.rows = filename, title, header, rows


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def _cell(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_response(table):
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        # The byte order mark tells Excel the file is UTF-8 (umlauts).
        yield "\ufeff" + writer.writerow(table.header)
        for row in table.rows:
            yield writer.writerow([_text(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.filename}.csv"'
    return response


def xlsx_response(table):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.title[:31])
    sheet.append(table.header)
    for row in table.rows:
        sheet.append([_cell(value) for value in row])
    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{table.filename}.xlsx", content_type=XLSX
    )


def respond(table, fmt):
    return xlsx_response(table) if fmt == "xlsx" else csv_response(table)


# Tables


def partners_table(queryset=None):
    kinds = dict(Partner.Kind.choices)
    queryset = (queryset if queryset is not None else Partner.objects.all()).active()
    rows = (
        queryset.with_partner_since()
        .order_by("name", "pk")
        .values_list(
            "name", "kind", "town", "website", "contact_name", "contact_email", "contact_phone",
            "partner_since", "founding_partner", "listed", "entry_confirmed_at",
        )
        .iterator(chunk_size=CHUNK)
    )
    header = [
        "Name", "Art", "Ort", "Website", "Ansprechperson", "E-Mail", "Telefon",
        "Partner seit", "Gründungspartner", "im Verzeichnis", "Eintrag bestätigt",
    ]
    return Table(
        f"partner-{timezone.localdate():%Y-%m-%d}",
        "Aktive Partner",
        header,
        ((row[0], str(kinds.get(row[1], row[1])), *row[2:]) for row in rows),
    )


def projects_table(queryset=None):
    statuses = dict(Project.Status.choices)
    queryset = queryset if queryset is not None else Project.objects.all()
    projects = (
        queryset.select_related("field_of_action", "working_group")
        .prefetch_related("partners", "target_groups")
        .order_by("title", "pk")
        .iterator(chunk_size=CHUNK)
    )
    header = [
        "Titel", "Status", "Handlungsfeld", "Arbeitsgruppe", "Beginn", "Ende",
        "beteiligte Partner", "Zielgruppen", "veröffentlicht",
    ]
    rows = (
        (
            project.title,
            str(statuses.get(project.status, project.status)),
            project.field_of_action.name,
            project.working_group.name if project.working_group else "bündnisweit",
            project.starts_on,
            project.ends_on,
            ", ".join(partner.name for partner in project.partners.all()),
            ", ".join(group.name for group in project.target_groups.all()),
            project.published,
        )
        for project in projects
    )
    return Table(f"projekte-{timezone.localdate():%Y-%m-%d}", "Projekte", header, rows)


def event_table(event):
    """Invitation replies of partners and public registrations of one event."""
    # Imported here: the admin of arbeitsgruppen imports this module, and must not import events.
    from events.models import Invitation, Registration

    replies = dict(Invitation.Reply.choices)
    header = [
        "Art", "Name", "E-Mail", "Antwort", "Personen", "Kinderbetreuung", "Anzahl Kinder",
        "Alter der Kinder", "Barrierefreiheit", "Datum",
    ]

    def rows():
        invitations = (
            event.invitations.order_by("partner__name", "pk")
            .values_list("partner__name", "reply", "number_of_people", "replied_at")
            .iterator(chunk_size=CHUNK)
        )
        for name, reply, people, replied_at in invitations:
            yield ("Einladung", name, "", str(replies[reply]), people, None, None, "", "", replied_at)
        registrations = (
            Registration.objects.filter(event=event, cancelled_at__isnull=True)
            .order_by("created_at", "pk")
            .iterator(chunk_size=CHUNK)
        )
        for registration in registrations:
            yield (
                "Anmeldung", registration.name, registration.email, "angemeldet",
                registration.number_of_people, registration.childcare_needed,
                registration.number_of_children, registration.children_ages,
                registration.accessibility_needs, registration.created_at,
            )

    return Table(f"antworten-{event.slug}", "Antworten und Anmeldungen", header, rows())


# Views (wrapped by admin_view in buendnis/cockpit_urls.py)


def can_export_partners(user):
    """Contact data of all partners: only for those who may change partners (Koordination)."""
    return user.has_perm("partners.change_partner")


def export_partners(request, fmt):
    if not can_export_partners(request.user):
        raise PermissionDenied
    return respond(partners_table(), fmt)


def can_export_events(user):
    return user.has_perm("events.view_invitation") and user.has_perm("events.view_registration")


def export_projects(request, fmt):
    if not request.user.has_perm("arbeitsgruppen.view_project"):
        raise PermissionDenied
    projects = Project.objects.all()
    if not roles.sees_everything(request.user):
        projects = projects.filter(working_group__in=roles.led_group_ids(request.user))
    return respond(projects_table(projects), fmt)


def export_event(request, pk, fmt):
    if not can_export_events(request.user):
        raise PermissionDenied
    from events.models import Event

    event = get_object_or_404(Event, pk=pk)
    if not roles.sees_everything(request.user) and (
        event.working_group_id not in roles.led_group_ids(request.user)
    ):
        raise PermissionDenied
    return respond(event_table(event), fmt)


# Admin actions, for the admins of projects and events.


@admin.action(description="Ausgewählte Projekte als Excel exportieren")
def export_projects_action(modeladmin, request, queryset):
    return xlsx_response(projects_table(queryset))


@admin.action(description="Antworten und Anmeldungen als Excel exportieren (ein Termin)")
def export_event_action(modeladmin, request, queryset):
    if not can_export_events(request.user):
        raise PermissionDenied
    if queryset.count() != 1:
        modeladmin.message_user(request, "Bitte genau einen Termin auswählen.", level=messages.ERROR)
        return None
    return xlsx_response(event_table(queryset.get()))
