"""The public pages that the alliance's frame links, wherever their app sits.

The header's navigation and its "Partner werden" button, the normal page of each topic
in Leichte Sprache: they link pages that apps above `buendnis` serve (the partner list,
the dates). `buendnis` names each place; the app that serves it registers its URL name with
`serve(place, url_name)` in its `site_pages.py` (a `buendnis.lib.registry.Registry`
underneath). A place no app serves, or whose page the host's URLs lack (the
Servicestelle's), is not linked.
"""

from django.urls import NoReverseMatch, reverse

from buendnis.lib.registry import Registry

HOME, ABOUT = "home", "about"
PARTNERS, JOIN = "partners", "join"
FIELDS, PROJECTS = "fields", "projects"
DATES, SUGGESTIONS = "dates", "suggestions"
FIELD = "field"  # the page of one field of action, by its slug

# place -> a function that gives the URL name of the page serving it (`serve()`).
pages = Registry()
# The same for the page of one object (`serve_object()`, `address()`).
object_pages = Registry()


def serve(place, url_name):
    """Called by the app whose URL `url_name` serves `place`."""
    pages.register(place)(lambda: url_name)


def serve_object(place, url_name):
    """Called by the app whose URL `url_name` (with the object's slug) serves `place`."""
    object_pages.register(place)(lambda: url_name)


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


serve(HOME, "buendnis:home")
serve(ABOUT, "buendnis:about")
