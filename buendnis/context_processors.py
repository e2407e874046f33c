from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from buendnis import languages, site_pages

# The main navigation: an entry appears once an app serves its page (buendnis.site_pages).
NAVIGATION = [
    (_("Bündnis"), site_pages.ABOUT),
    (_("Partner"), site_pages.PARTNERS),
    (_("Handlungsfelder"), site_pages.FIELDS),
    (_("Projekte"), site_pages.PROJECTS),
    (_("Termine"), site_pages.DATES),
    (_("Anregungen"), site_pages.SUGGESTIONS),
]


def _navigation(current_path, addresses):
    return [
        {"label": label, "url": addresses[place], "active": current_path.startswith(addresses[place])}
        for label, place in NAVIGATION
        if place in addresses
    ]


def _published_pages(profile):
    """The slugs of the alliance's published pages: the footer links only these."""
    if profile is None:
        return set()
    from buendnis.models import Page

    return set(Page.objects.public().values_list("slug", flat=True))


def _easy_read(profile):
    """{topic: address} of the alliance's published pages in Leichte Sprache: the header
    links the home variant, each normal key page its own variant, only these. Every
    public page asks: the topics are remembered until the alliance's content changes."""
    if profile is None:
        return {}
    from buendnis.fragments import remembered
    from buendnis.models.easy_read import published_topics, published_urls

    return published_urls(remembered("easy_read_topics", published_topics))


def alliance(request):
    # The alliance of the host (buendnis.middleware.AllianceMiddleware); none on the
    # installation's own domain and on the neutral pages for unknown hosts.
    profile = getattr(request, "alliance", None)
    addresses = site_pages.addresses()
    return {
        "alliance": profile,
        "navigation": _navigation(request.path, addresses),
        "join_url": addresses.get(site_pages.JOIN),
        "published_pages": SimpleLazyObject(lambda: _published_pages(profile)),
        "easy_read": SimpleLazyObject(lambda: _easy_read(profile)),
        # The page in each offered language: the language switch and the hreflang links.
        "language_links": SimpleLazyObject(lambda: languages.alternates(request)),
    }
