"""The public pages that the alliance's frame links, wherever their app sits.

The header's navigation and its "Partner werden" button, the normal page of each topic
in Leichte Sprache: they link pages that apps above `buendnis` serve (the partner list,
the dates). `buendnis` names each place; the app that serves it registers a function
that returns its URL name (`buendnis.lib.registry`), in its `site_pages.py`. A place no
app serves, or whose page the host's URLs lack (the Servicestelle's), is not linked.
"""

from django.urls import NoReverseMatch, reverse

from buendnis.lib.registry import Registry

HOME, ABOUT = "home", "about"
PARTNERS, JOIN = "partners", "join"
FIELDS, PROJECTS = "fields", "projects"
DATES, SUGGESTIONS = "dates", "suggestions"
FIELD = "field"  # the page of one field of action, by its slug

# `@pages.register(place)`: `func() -> URL name` of the page serving `place`.
pages = Registry()
# `@object_pages.register(place)`: the same for a page of one object (`address()`).
object_pages = Registry()


def addresses():
    """{place: address} of every page an app serves under the request's URLs."""
    found = {}
    for place, url_name in pages.results():
        try:
            found[place] = reverse(url_name)
        except NoReverseMatch:
            continue
    return found


def address(place, **kwargs):
    """The address of the page of one object (`kwargs`: its slug, say). Like `reverse()`,
    it raises NoReverseMatch when no app serves the place or the arguments do not fit."""
    for key, url_name in object_pages.results():
        if key == place:
            return reverse(url_name, kwargs=kwargs)
    raise NoReverseMatch(f"Keine App zeigt die Seite „{place}“.")


@pages.register(HOME)
def home():
    return "buendnis:home"


@pages.register(ABOUT)
def about():
    return "buendnis:about"
