import datetime

import pytest
from django.template import Context, Template

from tests.factories import EventFactory, FieldOfActionFactory, WorkingGroupFactory


@pytest.fixture
def group(db):
    field = FieldOfActionFactory(name="Beruf und Familie", slug="beruf-und-familie")
    return WorkingGroupFactory(
        name="AG Ferienbetreuung", slug="ag-ferien", field_of_action=field, mandate="Ferien planen"
    )


def _render(group):
    return Template("{% load events_tags %}{% group_meetings group %}").render(
        Context({"group": group})
    )


def test_group_meetings_lists_upcoming_public_meetings_of_the_group(group):
    EventFactory(
        title="Übernächstes Treffen",
        working_group=group,
        starts_in=datetime.timedelta(days=20),
    )
    EventFactory(
        title="Nächstes Treffen",
        working_group=group,
        registration_open=True,
        capacity=12,
    )
    EventFactory(
        title="Letztes Treffen",
        working_group=group,
        starts_in=datetime.timedelta(days=-30),
    )
    EventFactory(title="Internes Treffen", working_group=group, is_public=False)
    EventFactory(title="Plenum ohne Gruppe")

    html = _render(group)

    assert "Nächste Treffen" in html
    assert html.index("Nächstes Treffen") < html.index("Übernächstes Treffen")
    assert "noch 12 Plätze frei" in html
    assert "Letztes Treffen" not in html
    assert "Internes Treffen" not in html
    assert "Plenum ohne Gruppe" not in html


def test_group_without_upcoming_meetings_shows_nothing(group):
    EventFactory(working_group=group, starts_in=datetime.timedelta(days=-3))
    assert _render(group).strip() == ""


def test_group_meetings_query_count_does_not_grow(group, django_assert_max_num_queries):
    for _number in range(30):
        EventFactory(working_group=group)
        EventFactory(working_group=group, starts_in=datetime.timedelta(days=-10))
    # The events, then places taken (registrations, invitations) for entries not in
    # the entry cache: three queries however many meetings there are.
    with django_assert_max_num_queries(3):
        _render(group)


def test_working_group_page_shows_its_meetings(client, group):
    EventFactory(
        title="Offenes Treffen im Familienzentrum",
        working_group=group,
        kind="working_group",
        registration_open=True,
    )
    EventFactory(title="Internes Treffen", working_group=group, is_public=False)

    response = client.get(group.get_absolute_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Nächste Treffen" in content
    assert "Offenes Treffen im Familienzentrum" in content
    assert "Anmeldung offen" in content
    assert "Internes Treffen" not in content
