from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from buendnis import languages

# The main navigation. An entry appears once its app provides the page.
NAVIGATION = [
    (_("Bündnis"), "buendnis:about"),
    (_("Partner"), "partners:list"),
    (_("Handlungsfelder"), "arbeitsgruppen:field_list"),
    (_("Projekte"), "arbeitsgruppen:project_list"),
    (_("Termine"), "events:list"),
    (_("Anregungen"), "events:suggestions"),
]


def _navigation(current_path):
    items = []
    for label, url_name in NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": current_path.startswith(url)})
    return items


def _optional_url(url_name):
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


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
    return {
        "alliance": profile,
        "navigation": _navigation(request.path),
        "join_url": _optional_url("partners:sign"),
        "published_pages": SimpleLazyObject(lambda: _published_pages(profile)),
        "easy_read": SimpleLazyObject(lambda: _easy_read(profile)),
        # The page in each offered language: the language switch and the hreflang links.
        "language_links": SimpleLazyObject(lambda: languages.alternates(request)),
    }
