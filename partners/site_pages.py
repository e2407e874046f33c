"""The partners' pages that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import JOIN, PARTNERS, serve

serve(PARTNERS, "partners:list")
serve(JOIN, "partners:sign")
