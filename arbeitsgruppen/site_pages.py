"""The fields of action and projects that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import FIELD, FIELDS, PROJECTS, serve, serve_object

serve(FIELDS, "arbeitsgruppen:field_list")
serve(PROJECTS, "arbeitsgruppen:project_list")
serve_object(FIELD, "arbeitsgruppen:field_detail")
