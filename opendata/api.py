"""The read-only JSON API under /api/v1/ (django-ninja), documented at /api/openapi.json.

Lists take the filters and paging of the pages (`q`, `art`, `handlungsfeld`, `status`,
`zielgruppe`, `seite`) and answer with `count`, `page`, `pages`, `next`, `previous`,
`truncated` and `results`. Like the directory, a search for partners (`q`) lists its
first 1,000 matches by name; `truncated` says that there are more and the search
should be narrowed down. A filter the list does not know, a value it does not accept, a page
that does not exist or a value longer than 100 characters: 400 with a JSON body that
says which. Lists and details are built from `opendata.records` (public data only),
served by the page cache like pages, with ETag and Last-Modified
(`opendata.middleware`), open to every origin for GET (CORS), and limited per client
address (`API_REQUESTS_PER_HOUR`, counted like every rate limit, across workers).
"""

from typing import Annotated

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.throttling import BaseThrottle

from arbeitsgruppen.forms import ProjectFilterForm
from buendnis.lib.paging import paginate
from buendnis.ratelimit import client_ip, hit
from events.models import Event
from opendata import records
from partners.forms import PartnerFilterForm
from partners.models import public_partner_count

# Where the API lives (opendata/urls.py); the OpenAPI document names its paths from here.
PREFIX = "api/v1/"
PER_PAGE = {"partners": 24, "projects": 20, "fields": 50, "groups": 50, "events": 20}
MAX_VALUE_LENGTH = 100


class AddressThrottle(BaseThrottle):
    """Requests per hour and client address, in the shared rate-limit store."""

    def allow_request(self, request):
        if not settings.RATELIMIT_ENABLED:
            return True
        return hit(f"api:ip:{client_ip(request)}", settings.API_REQUESTS_PER_HOUR)


api = NinjaAPI(
    title="Bündnisportal – offene Daten",
    version="1",
    description=(
        "Die öffentlichen Daten eines Lokalen Bündnisses für Familie: Partner, "
        "Handlungsfelder, Arbeitsgruppen, Projekte und Termine. Nur lesen; Lizenz siehe /open-data/."
    ),
    urls_namespace="api",
    openapi_url=None,
    docs_url=None,
    throttle=[AddressThrottle()],
)


class Error(Schema):
    detail: str


class Partner(Schema):
    name: str
    slug: str
    kind: str
    kind_label: str
    town: str
    website: str
    description: str
    contribution: str
    fields_of_action: list[str]
    founding_partner: bool
    member_since: str | None
    logo: str | None
    url: str


class Field(Schema):
    name: str
    slug: str
    summary: str
    url: str


class Group(Schema):
    name: str
    slug: str
    field_of_action: str
    mandate: str
    status: str
    status_label: str
    started_on: str | None
    ended_on: str | None
    url: str


class Project(Schema):
    title: str
    slug: str
    summary: str
    status: str
    status_label: str
    field_of_action: str
    working_group: str | None
    starts_on: str | None
    ends_on: str | None
    partners: list[str]
    target_groups: list[str]
    url: str


class EventRecord(Schema):
    title: str
    slug: str
    kind: str
    kind_label: str
    starts_at: str
    ends_at: str
    venue: str
    address: str
    working_group: str | None
    registration_open: bool
    childcare_offered: bool
    url: str
    calendar: str


def _page_schema(name, item):
    return type(name, (Schema,), {"__annotations__": {
        "count": int, "page": int, "pages": int, "next": str | None, "previous": str | None,
        "truncated": bool, "results": list[item],
    }})


PartnerPage = _page_schema("PartnerPage", Partner)
FieldPage = _page_schema("FieldPage", Field)
GroupPage = _page_schema("GroupPage", Group)
ProjectPage = _page_schema("ProjectPage", Project)
EventPage = _page_schema("EventPage", EventRecord)
ERRORS = {400: Error, 404: Error, 429: Error}
# Read by `paged()`; declared for the OpenAPI document.
PageNumber = Annotated[str, Query(description="Seite der Liste, ab 1")]


def check_parameters(request, known):
    """400 for a parameter the list does not know, or a value that is too long."""
    unknown = sorted(set(request.GET) - set(known) - {"seite"})
    if unknown:
        possible = ", ".join(sorted({*known, "seite"}))
        raise HttpError(400, f"Unbekannter Filter: {', '.join(unknown)}. Möglich: {possible}.")
    for name, values in request.GET.lists():
        if any(len(value) > MAX_VALUE_LENGTH for value in values):
            raise HttpError(400, f"Der Wert von „{name}“ ist länger als {MAX_VALUE_LENGTH} Zeichen.")


def check_form(form):
    if not form.is_valid():
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        raise HttpError(400, f"Ungültiger Filter – {problems}")
    return form.cleaned_data


def page_link(request, number):
    query = request.GET.copy()
    query["seite"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paged(request, queryset, per_page, record, rows=None, count=None, search=False):
    """Page `seite` of `queryset`; with `rows`, the page's records are loaded from it by
    primary key (their details for one page, not for the whole list). `count`, when
    known, spares counting. A `search` (with `rows`) reads the ids of its first matches
    at once and counts and pages them in Python, as the directory does
    (`paging.paginate`): one pass over the matches instead of a count and a page."""
    number = request.GET.get("seite", "1")
    try:
        page = paginate(
            queryset, per_page, number, rows=rows, count=count, search="ids" if search else None, strict=True
        )
    except PageNotAnInteger:
        raise HttpError(400, f"„seite“ muss eine ganze Zahl sein, nicht „{number}“.") from None
    except EmptyPage as error:
        raise HttpError(400, f"Seite {number} gibt es nicht; es gibt {error.num_pages}.") from None
    paginator = page.paginator
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "next": page_link(request, page.next_page_number()) if page.has_next() else None,
        "previous": page_link(request, page.previous_page_number()) if page.has_previous() else None,
        "truncated": page.more_than_limit,
        "results": [record(item, request) for item in page.object_list],
    }


@api.get("/partners", response={200: PartnerPage, **ERRORS}, summary="Partner (öffentliches Verzeichnis)")
def partner_list(request, q: str = "", art: str = "", handlungsfeld: str = "", seite: PageNumber = "1"):
    check_parameters(request, {"q", "art", "handlungsfeld"})
    form = PartnerFilterForm(request.GET)
    check_form(form)
    partners = form.filter(records.partners())
    count = None if form.is_filtered() else public_partner_count()
    return paged(
        request, partners, PER_PAGE["partners"], records.partner,
        rows=records.partner_details(), count=count, search=bool(form.search()),
    )


@api.get("/partners/{slug}", response={200: Partner, **ERRORS}, summary="Ein Partner")
def partner_detail(request, slug: str):
    check_parameters(request, set())
    return records.partner(get_object_or_404(records.partner_details(records.partners()), slug=slug), request)


@api.get("/fields", response={200: FieldPage, **ERRORS}, summary="Handlungsfelder")
def field_list(request, seite: PageNumber = "1"):
    check_parameters(request, set())
    return paged(request, records.fields(), PER_PAGE["fields"], records.field)


@api.get("/fields/{slug}", response={200: Field, **ERRORS}, summary="Ein Handlungsfeld")
def field_detail(request, slug: str):
    check_parameters(request, set())
    return records.field(get_object_or_404(records.fields(), slug=slug), request)


@api.get("/groups", response={200: GroupPage, **ERRORS}, summary="Arbeitsgruppen")
def group_list(request, handlungsfeld: str = "", seite: PageNumber = "1"):
    check_parameters(request, {"handlungsfeld"})
    groups = records.groups()
    if handlungsfeld:
        groups = groups.filter(field_of_action__slug=handlungsfeld)
    return paged(request, groups, PER_PAGE["groups"], records.group)


@api.get("/groups/{slug}", response={200: Group, **ERRORS}, summary="Eine Arbeitsgruppe")
def group_detail(request, slug: str):
    check_parameters(request, set())
    return records.group(get_object_or_404(records.groups(), slug=slug), request)


@api.get("/projects", response={200: ProjectPage, **ERRORS}, summary="Projekte")
def project_list(
    request, q: str = "", handlungsfeld: str = "", status: str = "", zielgruppe: str = "",
    seite: PageNumber = "1",
):
    check_parameters(request, {"q", "handlungsfeld", "status", "zielgruppe"})
    form = ProjectFilterForm(request.GET)
    check_form(form)
    return paged(request, form.filter(records.projects()), PER_PAGE["projects"], records.project)


@api.get("/projects/{slug}", response={200: Project, **ERRORS}, summary="Ein Projekt")
def project_detail(request, slug: str):
    check_parameters(request, set())
    return records.project(get_object_or_404(records.projects(), slug=slug), request)


PERIODS = {"kommend": "upcoming", "vergangen": "past"}


@api.get("/events", response={200: EventPage, **ERRORS}, summary="Termine (ohne Anmeldungen und Antworten)")
def event_list(
    request, zeitraum: str = "kommend", art: str = "", arbeitsgruppe: str = "", seite: PageNumber = "1"
):
    check_parameters(request, {"zeitraum", "art", "arbeitsgruppe"})
    if zeitraum not in PERIODS:
        raise HttpError(400, "„zeitraum“ ist „kommend“ oder „vergangen“.")
    events = getattr(records.events(), PERIODS[zeitraum])()
    if art:
        if art not in Event.Kind.values:
            raise HttpError(400, f"Unbekannte Art „{art}“. Möglich: {', '.join(Event.Kind.values)}.")
        events = events.filter(kind=art)
    if arbeitsgruppe:
        events = events.filter(working_group__slug=arbeitsgruppe)
    return paged(request, events, PER_PAGE["events"], records.event)


@api.get("/events/{slug}", response={200: EventRecord, **ERRORS}, summary="Ein Termin")
def event_detail(request, slug: str):
    check_parameters(request, set())
    return records.event(get_object_or_404(records.events(), slug=slug), request)


@api.exception_handler(ValidationError)
def invalid_value(request, error):
    problems = "; ".join(
        f"{'.'.join(str(part) for part in problem.get('loc', ())[1:]) or 'Angabe'}: {problem.get('msg', '')}"
        for problem in error.errors
    )
    return api.create_response(request, {"detail": f"Ungültige Angabe – {problems}"}, status=400)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": "Nicht gefunden."}, status=404)


@api.exception_handler(Throttled)
def too_many(request, error):
    detail = "Zu viele Anfragen von dieser Adresse; bitte später erneut versuchen."
    return api.create_response(request, {"detail": detail}, status=429)
