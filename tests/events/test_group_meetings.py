import datetime

import pytest
from django.template import Context, Template

from arbeitsgruppen.models import FieldOfAction, WorkingGroup


@pytest.fixture
def group(db):
    field = FieldOfAction.objects.create(name="Beruf und Familie", slug="beruf-und-familie")
    return WorkingGroup.objects.create(
        name="AG Ferienbetreuung", slug="ag-ferien", field_of_action=field, mandate="Ferien planen"
    )


def _render(group):
    return Template("{% load events_tags %}{% group_meetings group %}").render(
        Context({"group": group})
    )


def test_group_meetings_lists_public_meetings_of_the_group(group, make_event, make_minutes):
    make_event(title="Nächstes Treffen", working_group=group)
    old = make_event(title="Letztes Treffen", working_group=group,
                     starts_in=datetime.timedelta(days=-30))
    make_minutes(old)
    make_event(title="Internes Treffen", working_group=group, is_public=False)
    make_event(title="Plenum ohne Gruppe")

    html = _render(group)

    assert "Treffen und Termine" in html
    assert "Nächstes Treffen" in html
    assert "Letztes Treffen" in html and "Protokoll online" in html
    assert "Internes Treffen" not in html
    assert "Plenum ohne Gruppe" not in html


def test_group_without_meetings_shows_nothing(group):
    assert _render(group).strip() == ""


def test_group_meetings_query_count_does_not_grow(group, make_event, django_assert_max_num_queries):
    for _number in range(30):
        make_event(working_group=group)
        make_event(working_group=group, starts_in=datetime.timedelta(days=-10))
    with django_assert_max_num_queries(2):
        _render(group)
