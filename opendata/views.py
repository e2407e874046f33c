"""The alliance's open data on its own domain: /robots.txt, the OpenAPI document, the
overview with the bulk downloads (/open-data/), and the boxes other websites embed
(/einbetten/)."""

import itertools
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from arbeitsgruppen.models import WorkingGroup
from buendnis.exports import Column, Table, csv_response
from buendnis.lib.paging import in_chunks
from buendnis.models import Alliance
from events.models import Event
from events.views import KIND_FEEDS
from opendata import records
from opendata.api import PREFIX as API_PREFIX
from opendata.api import api
from partners.models import Partner, public_partner_count

# Never to be crawled: the admin and every page behind a personal link.
DISALLOWED = [
    "/verwaltung/", "/partner/verwalten/", "/buendniserklaerung/bestaetigen/",
    "/buendniserklaerung/vor-ort/", "/termine/einladung/", "/termine/abmelden/",
]
EMBED_PARTNERS = 30
EMBED_EVENTS = 5


@require_safe
def robots(request):
    prefixes = ["", *(f"/{code}" for code in request.alliance.offered_languages[1:])]
    lines = ["User-agent: *", *(f"Disallow: {prefix}{path}" for path in DISALLOWED for prefix in prefixes),
             f"Sitemap: {request.build_absolute_uri(reverse('opendata_fixed:sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def openapi(request):
    schema = api.get_openapi_schema(path_prefix=f"/{API_PREFIX}")
    return JsonResponse(schema, json_dumps_params={"ensure_ascii": False})


def formats(request):
    """Every format the alliance publishes: (what, address) – for the overview and the
    coordinator's page."""
    url = request.build_absolute_uri
    return [
        (_("Sitemap für Suchmaschinen"), url(reverse("opendata_fixed:sitemap"))),
        (_("Termine als Atom-Feed"), url(reverse("opendata:feed_events"))),
        (_("Neue Partner als Atom-Feed"), url(reverse("opendata:feed_partners"))),
        (_("Projekte als Atom-Feed"), url(reverse("opendata:feed_projects"))),
        (_("Freigegebene Protokolle als Atom-Feed"), url(reverse("opendata:feed_minutes"))),
        (_("Alle öffentlichen Termine als Kalender-Abo (ICS)"), url(reverse("events:feed"))),
        *(
            (_("Kalender-Abo: nur %(kind)s") % {"kind": Event.Kind(kind).label},
             url(reverse("events:kind_feed", kwargs={"name": name})))
            for name, kind in KIND_FEEDS.items()
        ),
        *(
            (_("Kalender-Abo der %(group)s") % {"group": group.name},
             url(reverse("events:group_feed", kwargs={"slug": group.slug})))
            for group in WorkingGroup.objects.public().order_by("name").only("name", "slug")
        ),
        (_("Schnittstelle (JSON, nur lesen)"), url(f"/{API_PREFIX}partners")),
        (_("Beschreibung der Schnittstelle (OpenAPI 3)"), url(reverse("opendata_fixed:openapi"))),
        (_("Kästen zum Einbetten"), url(reverse("opendata:embed_index"))),
    ]


def downloads(request):
    """Every dataset with the absolute addresses of its CSV and JSON download."""
    def url(name, fmt):
        return request.build_absolute_uri(reverse("opendata:download", kwargs={"name": name, "fmt": fmt}))

    return [
        {"name": name, "title": title, "csv": url(name, "csv"), "json": url(name, "json")}
        for name, (title, _queryset, _record) in records.DATASETS.items()
    ]


@require_safe
def overview(request):
    context = {"downloads": downloads(request), "formats": formats(request), "alliance": Alliance.current()}
    return render(request, "opendata/overview.html", context)


@require_safe
def download(request, name, fmt):
    if name not in records.DATASETS or fmt not in ("csv", "json"):
        raise Http404
    title, queryset, record = records.DATASETS[name]
    title = str(title)
    alliance = Alliance.current()
    rows = (record(item, request) for item in in_chunks(queryset(), 500))
    filename = f"{alliance.slug}-{name}"
    if fmt == "json":
        data = {
            "title": f"{title} – {alliance.name}",
            "licence": alliance.get_data_licence_display(),
            "licence_url": alliance.licence_url,
            "source": request.build_absolute_uri(reverse("opendata:overview")),
            "generated_at": timezone.now().isoformat(),
            "records": list(rows),
        }
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
        return response
    # The columns are the records' keys, read off the first one (none: an empty table).
    first = next(rows, None)
    columns = [Column(key, lambda row, key=key: _flat(row[key])) for key in (first or {})]
    all_rows = itertools.chain([first], rows) if first is not None else iter(())
    return csv_response(Table(filename, title, columns, all_rows))


def _flat(value):
    return "; ".join(value) if isinstance(value, list) else value


# --- embedding ------------------------------------------------------------------------


@require_safe
def embed_index(request):
    alliance = Alliance.current()
    boxes = [
        (_("Partnerverzeichnis"), request.build_absolute_uri(reverse("opendata:embed_partners")), 480),
        (_("Die nächsten Termine"), request.build_absolute_uri(reverse("opendata:embed_events")), 360),
    ]
    return render(request, "opendata/embed_index.html", {"boxes": boxes, "hosts": alliance.embedding_hosts})


def _embeddable(response):
    """Framing only by the websites the coordinator lists (frame-ancestors)."""
    hosts = Alliance.current().embedding_hosts
    response._csp_replace = {"frame-ancestors": ["'self'", *hosts]}
    return response


@xframe_options_exempt
@require_safe
def embed_partners(request):
    partners = Partner.objects.public().order_by("name").only("name", "slug", "town")
    partners = list(partners[: EMBED_PARTNERS + 1])
    context = {"partners": partners[:EMBED_PARTNERS], "more": len(partners) > EMBED_PARTNERS,
               "count": public_partner_count()}
    return _embeddable(render(request, "opendata/embed_partners.html", context))


@xframe_options_exempt
@require_safe
def embed_events(request):
    events = list(Event.objects.public().upcoming()[:EMBED_EVENTS])
    return _embeddable(render(request, "opendata/embed_events.html", {"events": events}))
