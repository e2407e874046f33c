"""The public data of an alliance as plain records: one definition for the API, the
bulk downloads and the feeds.

Every record is built from the models' `public()` querysets, the same the pages show,
and from public fields only: no contact person, no registration, no reply, nothing
unpublished, withdrawn, unconfirmed, moderated or partner-only can get in.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.models import FieldOfAction
from events.models import Event
from partners.models import Partner


def absolute(request, path):
    return request.build_absolute_uri(path)


def _date(value):
    return value.isoformat() if value else None


def partners():
    """The directory's partners in its order (filters and paging work on this)."""
    return Partner.objects.public().order_by("name")


def partner_details(partners=None):
    """Partners with what their record shows: when they joined, their public fields.
    Annotating `partners()` as a whole would count the signatures of every partner
    before paging; lists load the details of one page's partners (`in_bulk`)."""
    fields = Prefetch("fields_of_action", queryset=FieldOfAction.objects.public(), to_attr="public_fields")
    partners = Partner.objects.all() if partners is None else partners
    return partners.with_partner_since().prefetch_related(fields)


def partner(partner, request):
    return {
        "name": partner.name,
        "slug": partner.slug,
        "kind": partner.kind,
        "kind_label": str(partner.get_kind_display()),
        "town": partner.town,
        "website": partner.website,
        "description": partner.description,
        "contribution": partner.contribution,
        "fields_of_action": [field.slug for field in partner.public_fields],
        "founding_partner": partner.founding_partner,
        "member_since": _date(partner.partner_since and timezone.localdate(partner.partner_since)),
        "logo": absolute(request, partner.logo.url) if partner.logo else None,
        "url": absolute(request, partner.get_absolute_url()),
    }


def fields():
    return FieldOfAction.objects.public().order_by("position", "name")


def field(field, request):
    return {
        "name": field.name,
        "slug": field.slug,
        "summary": field.summary,
        "url": absolute(request, field.get_absolute_url()),
    }


def groups():
    return WorkingGroup.objects.public().select_related("field_of_action").order_by("name")


def group(group, request):
    return {
        "name": group.name,
        "slug": group.slug,
        "field_of_action": group.field_of_action.slug,
        "mandate": group.mandate,
        "status": group.status,
        "status_label": str(group.get_status_display()),
        "started_on": _date(group.started_on),
        "ended_on": _date(group.ended_on),
        "url": absolute(request, group.get_absolute_url()),
    }


def projects():
    public_partners = Prefetch(
        "partners", queryset=Partner.objects.public().order_by("name"), to_attr="public_partners"
    )
    return (
        Project.objects.public()
        .select_related("field_of_action", "working_group")
        .prefetch_related(public_partners, "target_groups")
        .order_by("title")
    )


def project(project, request):
    return {
        "title": project.title,
        "slug": project.slug,
        "summary": project.summary,
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "field_of_action": project.field_of_action.slug,
        "working_group": project.working_group.slug if project.working_group else None,
        "starts_on": _date(project.starts_on),
        "ends_on": _date(project.ends_on),
        "partners": [partner.slug for partner in project.public_partners],
        "target_groups": [target.slug for target in project.target_groups.all()],
        "url": absolute(request, project.get_absolute_url()),
    }


def events():
    return Event.objects.public().select_related("working_group").order_by("starts_at")


def event(event, request):
    return {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "starts_at": timezone.localtime(event.starts_at).isoformat(),
        "ends_at": timezone.localtime(event.ends_at).isoformat(),
        "venue": event.venue,
        "address": event.address,
        "working_group": event.working_group.slug if event.working_group else None,
        "registration_open": event.registration_open,
        "childcare_offered": event.childcare_offered,
        "url": absolute(request, event.get_absolute_url()),
        "calendar": absolute(request, reverse("events:ics", kwargs={"slug": event.slug})),
    }


# name: (title, queryset, record) — what the downloads and the overview list.
DATASETS = {
    "partner": (_("Partner"), lambda: partner_details(partners()), partner),
    "handlungsfelder": (_("Handlungsfelder"), fields, field),
    "arbeitsgruppen": (_("Arbeitsgruppen"), groups, group),
    "projekte": (_("Projekte"), projects, project),
    "termine": (_("Termine"), events, event),
}
