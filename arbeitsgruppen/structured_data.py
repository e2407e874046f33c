"""schema.org JSON-LD of the project, group and field pages (buendnis/structured_data.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from buendnis.structured_data import absolute, alliance_reference, breadcrumbs


def project(project, partners, alliance, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.title,
        "url": absolute(request, project.get_absolute_url()),
        "parentOrganization": alliance_reference(alliance, request),
    }
    if project.summary:
        data["description"] = project.summary
    if project.starts_on:
        data["foundingDate"] = project.starts_on.isoformat()
    if project.ends_on:
        data["dissolutionDate"] = project.ends_on.isoformat()
    if partners:
        data["member"] = [
            {"@type": "Organization", "name": partner.name,
             "url": absolute(request, partner.get_absolute_url())}
            for partner in partners
        ]
    return [data, breadcrumbs(request, (_("Projekte"), reverse("arbeitsgruppen:project_list")),
                              (project.title, request.path))]


def group(group, request):
    field = group.field_of_action
    return [breadcrumbs(
        request, (_("Handlungsfelder"), reverse("arbeitsgruppen:field_list")),
        (field.name, field.get_absolute_url()), (group.name, request.path),
    )]


def field(field, request):
    fields = (_("Handlungsfelder"), reverse("arbeitsgruppen:field_list"))
    return [breadcrumbs(request, fields, (field.name, request.path))]
