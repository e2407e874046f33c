import pytest

from arbeitsgruppen.models import Project, WorkingGroup


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_lists_fields_in_order_with_active_groups_and_running_projects(
    client, make_field, make_group, make_project
):
    second = make_field(name="Beruf und Pflege", position=2, summary="Hilfe für Pflegende.")
    first = make_field(name="Kinderbetreuung", position=1)
    make_group(name="AG Randzeiten", field_of_action=first)
    make_group(name="AG Ferien", field_of_action=first, status=WorkingGroup.Status.COMPLETED)
    make_project(title="Kita ab 6 Uhr", field_of_action=first, status=Project.Status.RUNNING)
    make_project(title="Notfallbetreuung", field_of_action=first, status=Project.Status.IDEA)
    make_project(title="Pflege-Lotsen", field_of_action=second, status=Project.Status.RUNNING)

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


def test_hides_unpublished_fields_groups_and_projects(client, make_field, make_group, make_project):
    hidden_field = make_field(name="Geheimes Feld", published=False)
    make_group(name="AG im geheimen Feld", field_of_action=hidden_field)
    field = make_field(name="Sichtbares Feld")
    make_group(name="AG Entwurf", field_of_action=field, published=False)
    make_project(title="Projektentwurf", field_of_action=field, status="running", published=False)

    content = client.get("/handlungsfelder/").content.decode()

    assert "Sichtbares Feld" in content
    for hidden in ("Geheimes Feld", "AG im geheimen Feld", "AG Entwurf", "Projektentwurf"):
        assert hidden not in content


def test_empty_list_says_so(client):
    response = client.get("/handlungsfelder/")
    assert "Es sind noch keine Handlungsfelder veröffentlicht." in response.content.decode()


def test_home_page_links_the_fields_of_action(client, make_field):
    field = make_field(name="Familienfreundliche Kommunen", summary="Vor Ort für Familien.")
    make_field(name="Unveröffentlicht", published=False)

    content = client.get("/").content.decode()

    assert "Woran wir arbeiten" in content
    assert field.get_absolute_url() in content
    assert "Vor Ort für Familien." in content
    assert "Unveröffentlicht" not in content


def test_home_page_has_no_section_without_fields(client):
    assert "Woran wir arbeiten" not in client.get("/").content.decode()
