"""The project table, for the cockpit's download and the project admin's action."""

from buendnis.exports import CHUNK, Column, Table, dated
from buendnis.lib.paging import in_chunks

COLUMNS = [
    Column("Titel", lambda project: project.title),
    Column("Status", lambda project: project.get_status_display()),
    Column("Handlungsfeld", lambda project: project.field_of_action.name),
    Column(
        "Arbeitsgruppe",
        lambda project: project.working_group.name if project.working_group else "bündnisweit",
    ),
    Column("Beginn", lambda project: project.starts_on),
    Column("Ende", lambda project: project.ends_on),
    Column(
        "beteiligte Partner",
        lambda project: ", ".join(partner.name for partner in project.partners.all()),
    ),
    Column(
        "Zielgruppen", lambda project: ", ".join(group.name for group in project.target_groups.all())
    ),
    Column("veröffentlicht", lambda project: project.published),
]


def projects_table(queryset):
    projects = (
        queryset.select_related("field_of_action", "working_group")
        .prefetch_related("partners", "target_groups")
        .order_by("title", "pk")
    )
    return Table(dated("projekte"), "Projekte", COLUMNS, in_chunks(projects, CHUNK))
