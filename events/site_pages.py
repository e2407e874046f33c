"""The dates and the suggestions that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import DATES, SUGGESTIONS, pages


@pages.register(DATES)
def date_list():
    return "events:list"


@pages.register(SUGGESTIONS)
def suggestions():
    return "events:suggestions"
