import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arbeitsgruppen.models import WorkingGroup
from tests.conftest import new_version
from tests.factories import FieldOfActionFactory, PartnerFactory, ProjectFactory, WorkingGroupFactory
from tests.support.responses import assert_not_found


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_shows_field_with_groups_projects_and_interested_partners(client):
    field = FieldOfActionFactory(
        name="Kindertagesbetreuung",
        description="<p>Gute <em>Betreuung</em>.</p>",
    )
    WorkingGroupFactory(name="AG Randzeiten", field_of_action=field)
    WorkingGroupFactory(
        name="AG Ferien",
        field_of_action=field,
        status=WorkingGroup.Status.COMPLETED,
        ended_on="2021-09-30",
    )
    WorkingGroupFactory(
        name="AG Elternkurse",
        field_of_action=field,
        status=WorkingGroup.Status.DISCONTINUED,
    )
    ProjectFactory(title="Kita ab 6 Uhr", field_of_action=field, status="idea")
    interested = PartnerFactory(name="Kita-Verbund")
    interested.fields_of_action.add(field)
    PartnerFactory(name="Unbeteiligter Betrieb")

    response = client.get(f"/handlungsfelder/{field.slug}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Kindertagesbetreuung</h1>" in content
    assert "Gute <em>Betreuung</em>." in content
    assert "Kita ab 6 Uhr" in content
    assert "Idee" in content
    assert "Kita-Verbund" in content
    assert "Unbeteiligter Betrieb" not in content
    # Active groups first, then the finished ones under their own heading.
    heading = content.index("abgeschlossen/eingestellt")
    assert content.index("AG Randzeiten") < heading < content.index("AG Ferien")
    assert heading < content.index("AG Elternkurse")
    assert "seit September 2021" in content


def test_hides_interested_partners_who_are_not_public(client):
    field = FieldOfActionFactory()
    for partner in (
        PartnerFactory(name="Unbestätigt GmbH", pending=True),
        PartnerFactory(name="Nicht gelistet e. V.", listed=False),
    ):
        partner.fields_of_action.add(field)

    content = client.get(field.get_absolute_url()).content.decode()

    assert "Unbestätigt GmbH" not in content
    assert "Nicht gelistet e. V." not in content
    assert "Noch kein Partner hat Interesse" in content


def test_unknown_or_unpublished_field_is_404(client):
    hidden = FieldOfActionFactory(published=False)
    assert_not_found(client.get("/handlungsfelder/gibt-es-nicht/"))
    assert_not_found(client.get(hidden.get_absolute_url()))


def test_hides_unpublished_groups_and_projects(client):
    field = FieldOfActionFactory()
    WorkingGroupFactory(name="AG Entwurf", field_of_action=field, published=False)
    ProjectFactory(title="Projektentwurf", field_of_action=field, published=False)

    content = client.get(field.get_absolute_url()).content.decode()

    assert "AG Entwurf" not in content
    assert "Projektentwurf" not in content
    assert "In diesem Handlungsfeld arbeitet zurzeit keine Arbeitsgruppe." in content


def test_group_lifecycle_as_visitors_see_it(client):
    field = FieldOfActionFactory()
    group = WorkingGroupFactory(name="AG Ferienbetreuung", field_of_action=field)
    overview = client.get("/handlungsfelder/").content.decode()
    assert "AG Ferienbetreuung" in overview

    group.status = WorkingGroup.Status.COMPLETED
    group.ended_on = "2021-09-30"
    group.save()

    # The overview lists active groups only; the field page keeps the finished group apart.
    assert "AG Ferienbetreuung" not in client.get("/handlungsfelder/").content.decode()
    content = client.get(field.get_absolute_url()).content.decode()
    assert content.index("abgeschlossen/eingestellt") < content.index("AG Ferienbetreuung")
    group_page = client.get(group.get_absolute_url()).content.decode()
    assert 'status-completed">abgeschlossen</span>' in group_page
    assert "30. September 2021" in group_page


def test_large_field_shows_first_projects_and_partners_and_links_to_the_rest(client):
    field = FieldOfActionFactory(name="Beruf und Pflege")
    for number in range(30):
        ProjectFactory(title=f'Projekt {number:02d}', field_of_action=field)
    for number in range(50):
        PartnerFactory(name=f'Partner {number:02d}').fields_of_action.add(field)

    content = client.get(f"/handlungsfelder/{field.slug}/").content.decode()

    assert "Projekt 23" in content and "Projekt 24" not in content
    assert "Alle 30 Projekte in der Projektdatenbank" in content
    assert f"/projekte/?handlungsfeld={field.slug}" in content
    assert "Partner 47" in content and "Partner 48" not in content
    assert "Alle 50 interessierten Partner im Verzeichnis" in content
    assert f"/partner/?handlungsfeld={field.slug}" in content


def test_cached_entries_and_remembered_counts_follow_the_content_version(remembering, settings, client):
    from django.core.cache import cache

    cache.clear()
    field = FieldOfActionFactory(name="Beruf und Pflege")
    group = WorkingGroupFactory(name="AG Lotsen", field_of_action=field)
    ProjectFactory(title="Pflege-Lotsen", field_of_action=field)
    PartnerFactory(name="Klinikum").fields_of_action.add(field)
    url = f"/handlungsfelder/{field.slug}/"
    first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content.decode() == first
    assert not [query for query in queries if "COUNT(" in query["sql"]]
    WorkingGroup.objects.filter(pk=group.pk).update(name="AG Pflegelotsen")
    ProjectFactory(title="Pflege-Café", field_of_action=field)
    assert "AG Pflegelotsen" not in client.get(url).content.decode()  # until the next change
    new_version()
    content = client.get(url).content.decode()
    assert "AG Pflegelotsen" in content and "Pflege-Café" in content
    cache.clear()
