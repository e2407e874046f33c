"""The read-only JSON API under /api/v1/: public data only, the pages' filters and
paging, 400 with a JSON body for bad input, ETag and Last-Modified, CORS for GET, a
limit per client address, and an OpenAPI 3 document that passes openapi-spec-validator."""

import pytest
from django.utils.http import http_date
from openapi_spec_validator import validate

from arbeitsgruppen.models import Project
from buendnis import pagecache
from buendnis.models import Domain
from buendnis.tenancy import activate
from partners.models import Partner
from tests.factories import (
    AllianceFactory,
    EventFactory,
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    WorkingGroupFactory,
)

LISTS = ["/api/v1/partners", "/api/v1/fields", "/api/v1/groups", "/api/v1/projects", "/api/v1/events"]


def get(client, path, status=200, **headers):
    response = client.get(path, **headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response


def test_partners_are_the_public_directory_with_public_fields_only(client):
    field = FieldOfActionFactory(name="Vereinbarkeit")
    korn = PartnerFactory(name="Bäckerei Korn", town="Lindenau", contact_name="Erika Korn",
                          contact_email="erika@korn.example", contact_phone="0123 456")
    korn.fields_of_action.set([field])
    PartnerFactory(name="Unbestätigt", pending=True)
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    body = get(client, "/api/v1/partners").json()
    assert body["count"] == 1 and body["pages"] == 1 and body["next"] is None
    [record] = body["results"]
    assert record["name"] == "Bäckerei Korn"
    assert record["fields_of_action"] == ["vereinbarkeit"]
    assert record["url"] == "http://testserver/partner/backerei-korn/"
    text = str(body)
    for private in ("Erika", "erika@korn.example", "0123 456", "contact"):
        assert private not in text
    assert get(client, "/api/v1/partners/backerei-korn").json() == record
    get(client, "/api/v1/partners/ausgetreten", status=404)


def test_lists_take_the_pages_filters(client):
    field = FieldOfActionFactory(name="Vereinbarkeit")
    school = PartnerFactory(name="Grundschule Lindenau", kind=Partner.Kind.SCHOOL)
    school.fields_of_action.set([field])
    PartnerFactory(name="Bäckerei Korn", kind=Partner.Kind.COMPANY)
    names = lambda query: [p["name"] for p in get(client, f"/api/v1/partners?{query}").json()["results"]]  # noqa: E731
    assert names("art=bildung") == ["Grundschule Lindenau"]
    assert names("handlungsfeld=vereinbarkeit") == ["Grundschule Lindenau"]
    assert names("q=korn") == ["Bäckerei Korn"]
    ProjectFactory(title="Ferienbetreuung", status=Project.Status.RUNNING, field_of_action=field)
    ProjectFactory(title="Abgeschlossen", status=Project.Status.COMPLETED)
    titles = [p["title"] for p in get(client, "/api/v1/projects?status=running&handlungsfeld=vereinbarkeit")
              .json()["results"]]
    assert titles == ["Ferienbetreuung"]


def test_paging_like_the_pages(client):
    for number in range(30):
        PartnerFactory(name=f"Partner {number:02d}")
    first = get(client, "/api/v1/partners").json()
    assert (first["count"], first["page"], first["pages"], len(first["results"])) == (30, 1, 2, 24)
    assert first["next"] == "http://testserver/api/v1/partners?seite=2"
    second = get(client, first["next"]).json()
    assert [p["name"] for p in second["results"]] == [f"Partner {n}" for n in range(24, 30)]
    assert second["previous"] == "http://testserver/api/v1/partners?seite=1"
    assert first["truncated"] is False and second["truncated"] is False


def test_a_search_lists_its_first_matches_like_the_directory(client, monkeypatch):
    from buendnis.lib import paging

    for number in range(30):
        PartnerFactory(name=f"Familienzentrum {number:02d}")
    PartnerFactory(name="Bäckerei Korn")
    monkeypatch.setattr(paging, "SEARCH_LIMIT", 25)
    first = get(client, "/api/v1/partners?q=familien").json()
    assert (first["count"], first["pages"], first["truncated"]) == (25, 2, True)
    last = get(client, first["next"]).json()
    assert [p["name"] for p in last["results"]] == ["Familienzentrum 24"]
    # The directory shows the same first 25 ("Mehr als 25 … gefunden").
    page = client.get("/partner/?q=familien&seite=2").content.decode()
    assert "Familienzentrum 24" in page and "Familienzentrum 25" not in page
    monkeypatch.setattr(paging, "SEARCH_LIMIT", 30)
    exact = get(client, "/api/v1/partners?q=familien").json()
    assert (exact["count"], exact["truncated"]) == (30, False)
    assert get(client, "/api/v1/partners?q=korn").json()["count"] == 1


@pytest.mark.parametrize(("query", "message"), [
    ("/api/v1/partners?sort=name", "Unbekannter Filter: sort"),
    ("/api/v1/partners?seite=abc", "„seite“ muss eine ganze Zahl sein"),
    ("/api/v1/partners?seite=0", "Seite 0 gibt es nicht"),
    ("/api/v1/partners?seite=99", "Seite 99 gibt es nicht"),
    ("/api/v1/partners?q=" + "x" * 101, "länger als 100 Zeichen"),
    ("/api/v1/partners?art=raumschiff", "Ungültiger Filter – art"),
    ("/api/v1/projects?status=vielleicht", "Ungültiger Filter – status"),
    ("/api/v1/events?zeitraum=morgen", "„zeitraum“ ist „kommend“ oder „vergangen“"),
    ("/api/v1/events?art=party", "Unbekannte Art „party“"),
    ("/api/v1/partners/backerei-korn?x=1", "Unbekannter Filter: x"),
])
def test_bad_input_gets_400_with_a_json_body_saying_what_is_wrong(client, query, message):
    PartnerFactory(name="Bäckerei Korn")
    detail = get(client, query, status=400).json()["detail"]
    assert message in detail


def test_unknown_records_get_404_in_json(client):
    assert get(client, "/api/v1/projects/gibt-es-nicht", status=404).json() == {"detail": "Nicht gefunden."}


def test_fields_groups_projects_and_events_only_as_the_public_sees_them(client):
    hidden_field = FieldOfActionFactory(name="Verborgen", published=False)
    group = WorkingGroupFactory(name="AG Randzeiten")
    WorkingGroupFactory(name="AG im verborgenen Feld", field_of_action=hidden_field)
    WorkingGroupFactory(name="AG Entwurf", published=False)
    ProjectFactory(title="Ferienbetreuung", working_group=group)
    ProjectFactory(title="Entwurf", published=False)
    event = EventFactory(title="Sommerfest", working_group=group, registration_open=True)
    RegistrationFactory(event=event, name="Anna Anmeldung", email="anna@example.org")
    EventFactory(title="Nur mit Einladung", is_public=False)
    fields = [f["name"] for f in get(client, "/api/v1/fields").json()["results"]]
    assert "Verborgen" not in fields and group.field_of_action.name in fields
    assert [g["name"] for g in get(client, "/api/v1/groups").json()["results"]] == ["AG Randzeiten"]
    assert [p["title"] for p in get(client, "/api/v1/projects").json()["results"]] == ["Ferienbetreuung"]
    events = get(client, "/api/v1/events?arbeitsgruppe=ag-randzeiten").json()["results"]
    assert [e["title"] for e in events] == ["Sommerfest"]
    assert events[0]["calendar"] == "http://testserver/termine/sommerfest.ics"
    assert "anna" not in str(get(client, "/api/v1/events/sommerfest").json()).lower()


def test_etag_and_last_modified_answer_304_while_nothing_changed(client, django_capture_on_commit_callbacks):
    # A change comes with a POST (admin, forms), which bumps the content version.
    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Bäckerei Korn")
        pagecache.bump()
    first = get(client, "/api/v1/partners")
    etag = first["ETag"]
    assert etag and first.has_header("Last-Modified")
    again = client.get("/api/v1/partners", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/partners", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Neu im Bündnis")
        pagecache.bump()
    changed = client.get("/api/v1/partners", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_last_modified_is_the_last_content_change(client, settings, monkeypatch):
    import datetime

    from django.utils import timezone

    changed = timezone.make_aware(datetime.datetime(2026, 3, 1, 12))
    monkeypatch.setattr(pagecache, "last_change", lambda: changed)
    response = get(client, "/api/v1/fields")
    assert response["Last-Modified"] == http_date(changed.timestamp())
    later = http_date(changed.timestamp() + 3600)
    assert client.get("/api/v1/fields", HTTP_IF_MODIFIED_SINCE=later).status_code == 304


def test_other_websites_may_read_it_cors(client):
    response = get(client, "/api/v1/partners", HTTP_ORIGIN="https://www.landkreis.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/partners", HTTP_ORIGIN="https://www.landkreis.example",
                               HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_writing_is_refused(client):
    assert client.post("/api/v1/partners", {"name": "Neu"}).status_code == 405
    assert client.delete("/api/v1/partners/backerei-korn").status_code in (404, 405)


def test_a_client_address_has_a_limit_per_hour(client, settings):
    settings.API_REQUESTS_PER_HOUR = 3
    settings.PAGE_CACHE_SECONDS = 0
    for number in range(3):
        get(client, f"/api/v1/partners?q=x{number}")
    refused = get(client, "/api/v1/partners?q=x4", status=429).json()
    assert refused["detail"].startswith("Zu viele Anfragen von dieser Adresse")
    other = client.get("/api/v1/partners?q=x5", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_each_alliance_answers_with_its_own_data_on_its_own_domain(client, alliance):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    PartnerFactory(name="Bäckerei Korn")
    nordheim = AllianceFactory(slug="nordheim")
    with activate(nordheim):
        PartnerFactory(name="Stadtwerke Nordheim")
    answer = get(client, "/api/v1/partners", HTTP_HOST="nordheim.localhost").json()
    names = [p["name"] for p in answer["results"]]
    assert names == ["Stadtwerke Nordheim"]
    assert [p["name"] for p in get(client, "/api/v1/partners").json()["results"]] == ["Bäckerei Korn"]
    get(client, "/api/v1/partners/backerei-korn", status=404, HTTP_HOST="nordheim.localhost")


def test_the_openapi_document_is_generated_from_the_code_and_valid(client):
    response = get(client, "/api/openapi.json")
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/partners", "/api/v1/partners/{slug}", "/api/v1/fields", "/api/v1/fields/{slug}",
        "/api/v1/groups", "/api/v1/groups/{slug}", "/api/v1/projects", "/api/v1/projects/{slug}",
        "/api/v1/events", "/api/v1/events/{slug}",
    }
    parameters = {p["name"] for p in document["paths"]["/api/v1/partners"]["get"]["parameters"]}
    assert parameters == {"q", "art", "handlungsfeld", "seite"}
    assert set(document["paths"]["/api/v1/partners"]["get"]["responses"]) == {"200", "400", "404", "429"}


def test_head_answers_like_get_without_a_body(client):
    PartnerFactory(name="Bäckerei Korn")
    response = client.head("/api/v1/partners")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"].startswith("application/json") and response.has_header("ETag")
