"""The alliance finder on the installation's own domain: families search by town,
postcode or Landkreis and reach their local alliance. The national figures are
counted live, across every alliance that is online."""

from django.db.models import Q
from django.shortcuts import render

from arbeitsgruppen.models import Project
from buendnis.models import Alliance
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
    online = Q(alliance__suspended_at__isnull=True)
    return {
        "alliances": Alliance.objects.active().count(),
        "partners": Partner._base_manager.filter(online, is_member=True, listed=True).count(),
        "projects": Project._base_manager.filter(online, published=True).count(),
    }


def finder(request):
    query = request.GET.get("q", "")
    results = list(search(query)) if query.strip() else None
    context = {"query": query[:100], "results": results, "figures": national_figures()}
    return render(request, "servicestelle/finder.html", context)


def page_not_found(request, exception):
    return render(request, "servicestelle/404.html", status=404)
