"""The alliance finder on the installation's own domain: families search by town,
postcode or Landkreis and reach their local alliance. The national figures are
counted live, across every alliance that is online."""

from django.db.models import Q
from django.shortcuts import render

from arbeitsgruppen.models import Project
from buendnis.models import Alliance
from buendnis.tenancy import scopes_disabled
from partners.models import Partner

MAX_RESULTS = 50


def search(query):
    """Alliances online with a main domain whose name, town, region (Landkreis) or
    postcodes match `query`, by name."""
    alliances = Alliance.objects.active().filter(domains__is_primary=True).prefetch_related("domains")
    query = " ".join(query.split())[:100]
    if not query:
        return alliances.none()
    if query.isdigit():
        matches = Q(postal_code__startswith=query) | Q(postal_codes__contains=query)
    else:
        matches = (
            Q(name__icontains=query) | Q(short_name__icontains=query)
            | Q(town__icontains=query) | Q(region__icontains=query)
        )
    return alliances.filter(matches).distinct().order_by("name")[:MAX_RESULTS]


def national_figures():
    """Counted with the same `public()` as the alliances' own pages, so the finder never
    counts what a page hides."""
    online = Q(alliance__suspended_at__isnull=True)
    # Across every alliance that is online: the finder belongs to none.
    with scopes_disabled():
        return {
            "alliances": Alliance.objects.active().count(),
            "partners": Partner.objects.public().filter(online).count(),
            "projects": Project.objects.public().filter(online).count(),
        }


def finder(request):
    query = request.GET.get("q", "")
    results = list(search(query)) if query.strip() else None
    context = {"query": query[:100], "results": results, "figures": national_figures()}
    return render(request, "servicestelle/finder.html", context)


def page_not_found(request, exception):
    return render(request, "servicestelle/404.html", status=404)
