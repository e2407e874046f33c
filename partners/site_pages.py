"""The partners' pages that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import JOIN, PARTNERS, pages


@pages.register(PARTNERS)
def partner_list():
    return "partners:list"


@pages.register(JOIN)
def sign():
    return "partners:sign"
