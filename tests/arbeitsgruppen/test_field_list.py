
import pytest

from arbeitsgruppen.models import Project, WorkingGroup
from tests.factories import FieldOfActionFactory, ProjectFactory, WorkingGroupFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_lists_fields_in_order_with_active_groups_and_running_projects(client):
    second = FieldOfActionFactory(
        name="Beruf und Pflege",
        position=2,
        summary="Hilfe für Pflegende.",
    )
    first = FieldOfActionFactory(name="Kinderbetreuung", position=1)
    WorkingGroupFactory(name="AG Randzeiten", field_of_action=first)
    WorkingGroupFactory(
        name="AG Ferien",
        field_of_action=first,
        status=WorkingGroup.Status.COMPLETED,
    )
    ProjectFactory(
        title="Kita ab 6 Uhr",
        field_of_action=first,
        status=Project.Status.RUNNING,
    )
    ProjectFactory(
        title="Notfallbetreuung",
        field_of_action=first,
        status=Project.Status.IDEA,
    )
    ProjectFactory(
        title="Pflege-Lotsen",
        field_of_action=second,
        status=Project.Status.RUNNING,
    )

    response = client.get("/handlungsfelder/")

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert content.index("Kinderbetreuung") < content.index("Beruf und Pflege")
    assert "Hilfe für Pflegende." in content
    assert first.get_absolute_url() in content
    assert "AG Randzeiten" in content
    assert "Kita ab 6 Uhr" in content
    assert "Pflege-Lotsen" in content
    # Only what is active or running appears on the overview.
    assert "AG Ferien" not in content
    assert "Notfallbetreuung" not in content


def test_hides_unpublished_fields_groups_and_projects(client):
    hidden_field = FieldOfActionFactory(name="Geheimes Feld", published=False)
    WorkingGroupFactory(name="AG im geheimen Feld", field_of_action=hidden_field)
    field = FieldOfActionFactory(name="Sichtbares Feld")
    WorkingGroupFactory(name="AG Entwurf", field_of_action=field, published=False)
    ProjectFactory(
        title="Projektentwurf",
        field_of_action=field,
        status="running",
        published=False,
    )

    content = client.get("/handlungsfelder/").content.decode()

    assert "Sichtbares Feld" in content
    for hidden in ("Geheimes Feld", "AG im geheimen Feld", "AG Entwurf", "Projektentwurf"):
        assert hidden not in content


def test_empty_list_says_so(client):
    response = client.get("/handlungsfelder/")
    assert "Es sind noch keine Handlungsfelder veröffentlicht." in response.content.decode()


def test_home_page_links_the_fields_of_action(client):
    field = FieldOfActionFactory(
        name="Familienfreundliche Kommunen",
        summary="Vor Ort für Familien.",
    )
    FieldOfActionFactory(name="Unveröffentlicht", published=False)

    content = client.get("/").content.decode()

    assert "Woran wir arbeiten" in content
    assert field.get_absolute_url() in content
    assert "Vor Ort für Familien." in content
    assert "Unveröffentlicht" not in content


def test_home_page_has_no_section_without_fields(client):
    assert "Woran wir arbeiten" not in client.get("/").content.decode()


def test_field_list_shows_a_dozen_running_projects_and_links_to_the_rest(client, alliance):
    field = FieldOfActionFactory(name="Beruf und Pflege", slug="beruf-und-pflege")
    for number in range(20):
        ProjectFactory(
            title=f"Projekt {number:02}", slug=f"projekt-{number:02}", field_of_action=field,
            status=Project.Status.RUNNING,
        )
    html = client.get("/handlungsfelder/").content.decode()
    assert html.count('href="/projekte/projekt-') == 12
    assert "Projekt 00" in html and "Projekt 12" not in html
    assert "/projekte/?handlungsfeld=beruf-und-pflege&amp;status=running" in html
    assert client.get("/projekte/?handlungsfeld=beruf-und-pflege&status=running").status_code == 200


def test_field_list_without_many_projects_has_no_link_to_more(client, alliance):
    field = FieldOfActionFactory(name="Zeitpolitik", slug="zeitpolitik")
    ProjectFactory(title="Rathaus am Abend", slug="rathaus", field_of_action=field,
                   status=Project.Status.RUNNING)
    html = client.get("/handlungsfelder/").content.decode()
    assert "Rathaus am Abend" in html
    assert "status=running" not in html


def test_field_list_shows_a_dozen_active_groups_and_links_to_the_field(client, alliance):
    field = FieldOfActionFactory(name="Beruf und Pflege", slug="beruf-und-pflege")
    for number in range(15):
        WorkingGroupFactory(
            name=f"AG {number:02}", slug=f"ag-{number:02}", field_of_action=field,
            mandate="Auftrag",
        )
    html = client.get("/handlungsfelder/").content.decode()
    assert html.count('href="/arbeitsgruppen/ag-') == 12
    assert "AG 00" in html and "AG 12" not in html
    assert "Alle Arbeitsgruppen dieses Handlungsfelds" in html
    assert "AG 14" in client.get(field.get_absolute_url()).content.decode()
