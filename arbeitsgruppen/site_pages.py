"""The fields of action and projects that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import FIELDS, PROJECTS, pages


@pages.register(FIELDS)
def field_list():
    return "arbeitsgruppen:field_list"


@pages.register(PROJECTS)
def project_list():
    return "arbeitsgruppen:project_list"
