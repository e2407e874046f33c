"""Nothing that is not public leaves through the open data.

An alliance with data in every state (drafts, unpublished fields and groups, withdrawn,
unconfirmed and not yet released partners, invitation-only events, draft and
partner-only minutes, registrations, unanswered suggestions) and contact data
everywhere. A crawler walks every API list and page and every record's detail, the
OpenAPI document, every feed and calendar file, the sitemap and every page it names,
/robots.txt, every download and the embeddable boxes: none of the hidden things and no
contact address, name or personal token appears in any answer.
"""

import datetime
import re
import xml.etree.ElementTree as ElementTree
from collections import deque

import pytest

from events.models import Event, Minutes
from partners.links import management_path
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    FieldOfActionFactory,
    InvitationFactory,
    MinutesFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    SuggestionFactory,
    WorkingGroupFactory,
)
from tests.support.responses import streamed_body

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

HIDDEN = "Geheim"  # in the name of everything the public may not see
CONTACT_DOMAIN = "kontakt.example"
KINDS = ["buendnistreffen", "gruendung", "arbeitsgruppen", "veranstaltungen"]


def every_state():
    field = FieldOfActionFactory(name="Vereinbarkeit")
    hidden_field = FieldOfActionFactory(name="Geheimes Feld", published=False)
    group = WorkingGroupFactory(name="AG Randzeiten", field_of_action=field)
    WorkingGroupFactory(name="AG Geheimentwurf", field_of_action=field, published=False)
    WorkingGroupFactory(name="AG im Geheimfeld", field_of_action=hidden_field)

    def partner(name, **traits):
        slug = re.sub(r"[^a-z]", "", name.lower())
        return PartnerFactory(name=name, contact_name=f"Kontaktperson {name}",
                              contact_email=f"{slug}@{CONTACT_DOMAIN}", contact_phone="0170 99887766",
                              **traits)

    public = partner("Bäckerei Korn")
    public.fields_of_action.set([field, hidden_field])
    hidden = [
        partner("Geheim Unbestätigt", pending=True),
        partner("Geheim Ausgetreten", withdrawn=True),
        partner("Geheim ohne Zustimmung", listed=False, wants_listing=False),
        partner("Geheim noch nicht freigegeben", listed=False, wants_listing=True),
    ]
    ProjectFactory(title="Ferienbetreuung", working_group=group, partners=[public, *hidden])
    ProjectFactory(title="Geheimer Projektentwurf", field_of_action=field, published=False)
    ProjectFactory(title="Geheimprojekt im verborgenen Feld", field_of_action=hidden_field)

    event = EventFactory(title="Sommerfest", working_group=group, registration_open=True)
    RegistrationFactory(event=event, name="Anna Anmeldung", email=f"anna@{CONTACT_DOMAIN}",
                        children_ages="3, 5", accessibility_needs="Rollstuhl")
    invitation_only = EventFactory(title="Geheimes Treffen mit Einladung", is_public=False,
                                   kind=Event.Kind.PLENARY)
    InvitationFactory(event=invitation_only, partner=public)
    EventFactory(title="Geheimer Termin im Entwurf", published=False)
    past = EventFactory(title="Plenum im Frühjahr", starts_in=-datetime.timedelta(days=40))
    MinutesFactory(event=past, summary="Öffentliche Zusammenfassung.")
    AgendaItemFactory(minutes=past.minutes, title="Bericht der AG")
    MinutesFactory(event=EventFactory(title="Plenum im Sommer",
                                      starts_in=-datetime.timedelta(days=20)),
                   approved=False, summary="Geheimer Entwurf")
    MinutesFactory(event=EventFactory(title="Plenum im Herbst",
                                      starts_in=-datetime.timedelta(days=30)),
                   visibility=Minutes.Visibility.PARTNERS, summary="Geheim: nur für Partner")
    SuggestionFactory(text="Geheime Anregung ohne Antwort", name="Sabine Sorge",
                      email=f"sabine@{CONTACT_DOMAIN}")
    tokens = [management_path(public).rstrip("/").rsplit("/", 1)[-1],
              *(registration.token for registration in event.registrations.all()),
              *(invitation.token for invitation in invitation_only.invitations.all())]
    return group, tokens


def crawl(client, start):
    """Every answer reached from `start`, following API paging, record details and
    sitemap entries."""
    seen, queue, answers = set(), deque(start), {}
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        body = streamed_body(response) if response.streaming else response.content
        text = body.decode("utf-8-sig")
        answers[path] = text
        if path.startswith("/api/v1/") and response.json().get("results") is not None:
            data = response.json()
            if data["next"]:
                queue.append(data["next"].removeprefix("http://testserver"))
            kind = path.split("?")[0].removeprefix("/api/v1/")
            queue.extend(f"/api/v1/{kind}/{record['slug']}" for record in data["results"])
        if path.startswith("/sitemap"):
            for loc in ElementTree.fromstring(body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
                queue.append(loc.text.removeprefix("http://testserver"))
    return answers


def test_no_hidden_record_and_no_personal_data_leaves_through_the_open_data(client, alliance, declaration):
    group, tokens = every_state()
    start = [
        "/api/v1/partners", "/api/v1/fields", "/api/v1/groups", "/api/v1/projects", "/api/v1/events",
        "/api/v1/events?zeitraum=vergangen", "/api/openapi.json",
        "/termine/feed.atom", "/partner/feed.atom", "/projekte/feed.atom", "/termine/protokolle.atom",
        "/termine/kalender.ics", *(f"/termine/kalender/{kind}.ics" for kind in KINDS),
        f"/arbeitsgruppen/{group.slug}/kalender.ics",
        "/sitemap.xml", "/robots.txt", "/open-data/",
        "/einbetten/", "/einbetten/partner/", "/einbetten/termine/",
        *(f"/open-data/{name}.{fmt}" for name in
          ("partner", "handlungsfelder", "arbeitsgruppen", "projekte", "termine") for fmt in ("csv", "json")),
    ]
    answers = crawl(client, start)
    assert len(answers) > 40
    # What the public sees is there …
    everything = "\n".join(answers.values())
    shown_everywhere = ("Bäckerei Korn", "Ferienbetreuung", "Sommerfest", "AG Randzeiten",
                        "Öffentliche Zusammenfassung")
    for shown in shown_everywhere:
        assert shown in everything, shown
    # … and nothing else.
    for path, text in answers.items():
        assert HIDDEN not in text, (path, text[max(0, text.index(HIDDEN) - 200):text.index(HIDDEN) + 100])
        assert CONTACT_DOMAIN not in text, path
        for personal in ("Kontaktperson", "0170 99887766", "Anna Anmeldung", "Sabine Sorge", "Rollstuhl",
                         "nur für Partner", *tokens):
            assert personal not in text, (path, personal)


def test_hidden_records_are_not_found_by_address_either(client, alliance, declaration):
    every_state()
    for path in ("/api/v1/partners/geheimausgetreten", "/api/v1/partners/geheim-ausgetreten",
                 "/api/v1/partners/geheim-unbestatigt", "/api/v1/projects/geheimer-projektentwurf",
                 "/api/v1/groups/ag-geheimentwurf", "/api/v1/fields/geheimes-feld",
                 "/api/v1/events/geheimes-treffen-mit-einladung", "/api/v1/events/geheimer-termin-im-entwurf",
                 "/arbeitsgruppen/ag-geheimentwurf/kalender.ics"):
        assert client.get(path).status_code == 404, path
