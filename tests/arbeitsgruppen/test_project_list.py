import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arbeitsgruppen.models import Project
from arbeitsgruppen.views import PROJECTS_PER_PAGE
from tests.conftest import new_version
from tests.factories import (
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    TargetGroupFactory,
    WorkingGroupFactory,
)


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def titles(response):
    return [project.title for project in response.context["projects"]]


def test_lists_projects_with_status_field_group_partners_target_groups_and_period(client):
    group = WorkingGroupFactory(name="AG Beruf und Pflege")
    project = ProjectFactory(
        title="Pflege-Lotsen",
        working_group=group,
        status=Project.Status.RUNNING,
        starts_on=datetime.date(2023, 1, 1),
    )
    project.partners.add(PartnerFactory(name="Klinikum Musterhausen"))
    project.target_groups.add(TargetGroupFactory(name="pflegende Angehörige"))
    ProjectFactory(
        title="Spielplatzpaten",
        status=Project.Status.DISCONTINUED,
        starts_on=datetime.date(2019, 5, 1),
        ends_on=datetime.date(2020, 6, 30),
    )

    response = client.get("/projekte/")

    assert response.status_code == 200
    content = response.content.decode()
    assert titles(response) == ["Pflege-Lotsen", "Spielplatzpaten"]
    assert "2 Projekte gefunden" in content
    assert group.field_of_action.name in content
    assert "AG Beruf und Pflege" in content
    assert "bündnisweit" in content
    assert "Klinikum Musterhausen" in content
    assert "pflegende Angehörige" in content
    assert "seit Januar 2023" in content
    assert "Mai 2019 – Juni 2020" in content
    assert 'status-running">laufend' in content
    assert 'status-discontinued">eingestellt' in content


def test_filters_by_field_status_and_target_group(client):
    care = FieldOfActionFactory(name="Pflege")
    childcare = FieldOfActionFactory(name="Betreuung")
    carers = TargetGroupFactory(name="pflegende Angehörige")
    lotsen = ProjectFactory(title="Lotsen", field_of_action=care, status="running")
    lotsen.target_groups.add(carers)
    ProjectFactory(title="Infoabend", field_of_action=care, status="planned")
    ProjectFactory(title="Kita früh", field_of_action=childcare, status="running")

    assert titles(client.get(f"/projekte/?handlungsfeld={care.slug}")) == ["Infoabend", "Lotsen"]
    assert titles(client.get("/projekte/?status=running")) == ["Kita früh", "Lotsen"]
    assert titles(client.get(f"/projekte/?zielgruppe={carers.slug}")) == ["Lotsen"]
    assert titles(client.get(f"/projekte/?handlungsfeld={care.slug}&status=planned")) == ["Infoabend"]


def test_search_finds_title_summary_and_description(client):
    ProjectFactory(title="Elterncafé")
    ProjectFactory(title="Pflege-Lotsen", summary="Hilfe im Betrieb für Pflegende.")
    ProjectFactory(
        title="Ferien",
        description="<p>Sommer im <strong>Freibad</strong>.</p>",
    )

    assert titles(client.get("/projekte/?q=elterncaf")) == ["Elterncafé"]
    assert titles(client.get("/projekte/?q=Betrieb")) == ["Pflege-Lotsen"]
    assert titles(client.get("/projekte/?q=freibad")) == ["Ferien"]
    response = client.get("/projekte/?q=gibtsnicht")
    assert titles(response) == []
    assert "Zu diesen Filtern gibt es keine Projekte." in response.content.decode()


def test_search_ignores_case_takes_wildcards_literally_and_follows_edits(client):
    project = ProjectFactory(title="Ferien", summary="50% günstiger für Familien_pass")
    ProjectFactory(title="Sommerfest", summary="500 Gäste")

    assert titles(client.get("/projekte/?q=FAMILIEN")) == ["Ferien"]
    assert titles(client.get("/projekte/?q=50%")) == ["Ferien"]
    assert titles(client.get("/projekte/?q=n_p")) == ["Ferien"]
    assert titles(client.get("/projekte/?q=5_0")) == []
    project.title = "Ferienspiele"
    project.summary = "Spiele im Park"
    project.save()
    assert titles(client.get("/projekte/?q=familien")) == []
    assert titles(client.get("/projekte/?q=park")) == ["Ferienspiele"]


def test_invalid_filter_values_are_reported_and_ignored(client):
    ProjectFactory(title="Lotsen")

    response = client.get("/projekte/?status=erfunden&handlungsfeld=gibt-es-nicht")

    assert response.status_code == 200
    assert titles(response) == ["Lotsen"]
    content = response.content.decode()
    assert 'id="id_status_error"' in content
    assert 'id="id_handlungsfeld_error"' in content
    assert "Bitte eine gültige Auswahl treffen." in content


def test_paginates_and_keeps_the_filters(client):
    for number in range(PROJECTS_PER_PAGE + 3):
        ProjectFactory(title=f'Projekt {number:03}', status="running")

    first = client.get("/projekte/?status=running")
    second = client.get("/projekte/?status=running&seite=2")

    assert len(titles(first)) == PROJECTS_PER_PAGE
    assert titles(second) == ["Projekt 020", "Projekt 021", "Projekt 022"]
    content = first.content.decode()
    assert "Seite 1 von 2" in content
    assert "?status=running&amp;seite=2" in content
    # A page number beyond the end shows the last page.
    assert titles(client.get("/projekte/?seite=99")) == titles(second)


def test_hides_drafts_and_projects_of_hidden_groups_or_fields(client):
    ProjectFactory(title="Entwurf", published=False)
    ProjectFactory(
        title="In verstecktem Feld",
        field_of_action=FieldOfActionFactory(published=False),
    )
    ProjectFactory(
        title="Von versteckter AG",
        working_group=WorkingGroupFactory(published=False),
    )
    ProjectFactory(title="Sichtbar")

    assert titles(client.get("/projekte/")) == ["Sichtbar"]


def test_unfiltered_list_takes_its_total_from_the_remembered_count(remembering, client):
    ProjectFactory(title="Lotsen")
    client.get("/projekte/")
    with CaptureQueriesContext(connection) as queries:
        assert "1 Projekt gefunden" in client.get("/projekte/").content.decode()
    assert not [query for query in queries if "COUNT(" in query["sql"]]
    ProjectFactory(title="Paten")
    # A valid filter counts for itself, even next to an invalid one that is ignored.
    response = client.get("/projekte/?q=paten&handlungsfeld=gibt-es-nicht")
    assert titles(response) == ["Paten"]
    assert "1 Projekt gefunden" in response.content.decode()
    # Only invalid filters: the whole list, with the remembered total.
    assert "1 Projekt gefunden" in client.get("/projekte/?status=erfunden").content.decode()
    new_version()
    assert "2 Projekte gefunden" in client.get("/projekte/").content.decode()


def test_filter_choices_are_remembered_until_the_content_changes(remembering, client):
    care = FieldOfActionFactory(name="Pflege")
    ProjectFactory(title="Lotsen", field_of_action=care, target_groups=[TargetGroupFactory(name="Pflegende")])
    client.get("/projekte/")
    with CaptureQueriesContext(connection) as queries:
        content = client.get("/projekte/").content.decode()
    assert ">Pflege</option>" in content and ">Pflegende</option>" in content
    assert not [query for query in queries if "targetgroup" in query["sql"]]
    FieldOfActionFactory(name="Wohnen")
    assert ">Wohnen</option>" not in client.get("/projekte/").content.decode()
    new_version()
    content = client.get("/projekte/").content.decode()
    assert ">Wohnen</option>" in content
    assert titles(client.get(f"/projekte/?handlungsfeld={care.slug}")) == ["Lotsen"]


def test_a_search_with_more_matches_than_the_limit_asks_to_narrow_it(client, monkeypatch):
    from buendnis.lib import paging

    monkeypatch.setattr(paging, "SEARCH_LIMIT", 3)
    for number in range(5):
        ProjectFactory(title=f'Lotsen {number}')
    ProjectFactory(title="Paten")

    response = client.get("/projekte/?q=lotsen")
    content = response.content.decode()
    assert "Mehr als 3 Projekte gefunden – grenzen Sie die Suche ein" in content
    assert titles(response) == ["Lotsen 0", "Lotsen 1", "Lotsen 2"]
    assert "1 Projekt gefunden" in client.get("/projekte/?q=lotsen 3").content.decode()
    # Without a search the whole list counts, whatever its size.
    unfiltered = client.get("/projekte/").content.decode()
    assert "6 Projekte gefunden" in unfiltered
