"""The fields of action and projects that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import FIELD, FIELDS, PROJECTS, object_pages, pages


@pages.register(FIELDS)
def field_list():
    return "arbeitsgruppen:field_list"


@object_pages.register(FIELD)
def field_detail():
    return "arbeitsgruppen:field_detail"


@pages.register(PROJECTS)
def project_list():
    return "arbeitsgruppen:project_list"
