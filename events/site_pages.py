"""The dates and the suggestions that the alliance's frame links (`buendnis.site_pages`)."""

from buendnis.site_pages import DATES, SUGGESTIONS, serve

serve(DATES, "events:list")
serve(SUGGESTIONS, "events:suggestions")
