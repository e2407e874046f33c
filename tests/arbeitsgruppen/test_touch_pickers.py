"""Pickers that work by touch: checkboxes or search fields in the partners', working
groups' and projects' forms, never the two-list picker with its Ctrl-click hint."""

import re

import pytest

from arbeitsgruppen.models import Project
from tests.factories import (
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    TargetGroupFactory,
    WorkingGroupFactory,
)

TWO_LIST = ("selectfilter", "SelectFilter2", "Strg", "Ctrl")


def _assert_touch(content):
    for sign in TWO_LIST:
        assert sign not in content, sign
    # A multiple select only as the search field (select2), never a plain list.
    for select in re.findall(r"<select[^>]*\bmultiple\b[^>]*>", content):
        assert "admin-autocomplete" in select, select


@pytest.fixture
def choices(declaration):
    return {
        "field": FieldOfActionFactory(name="Vereinbarkeit"),
        "target": TargetGroupFactory(name="Alleinerziehende"),
        "partner": PartnerFactory(name="Stadtwerke"),
    }


def test_the_partner_form_has_checkboxes_for_fields_of_action(coordinator_client, choices):
    partner = choices["partner"]
    content = coordinator_client.get(f"/verwaltung/partners/partner/{partner.pk}/change/").content.decode()
    assert f'type="checkbox" name="fields_of_action" value="{choices["field"].pk}"' in content
    _assert_touch(content)


def test_the_working_group_form_has_checkboxes_and_a_search(coordinator_client, coordinator, choices):
    content = coordinator_client.get("/verwaltung/arbeitsgruppen/workinggroup/add/").content.decode()
    assert f'type="checkbox" name="leads" value="{coordinator.pk}"' in content
    assert "admin-autocomplete" in content and 'name="members"' in content
    _assert_touch(content)


def test_the_project_form_has_checkboxes_and_a_search(coordinator_client, choices):
    group = WorkingGroupFactory(name="AG Zeit")
    project = ProjectFactory(title="Ferienbetreuung", working_group=group)
    url = f"/verwaltung/arbeitsgruppen/project/{project.pk}/change/"
    content = coordinator_client.get(url).content.decode()
    assert f'type="checkbox" name="target_groups" value="{choices["target"].pk}"' in content
    assert "admin-autocomplete" in content and 'name="partners"' in content
    _assert_touch(content)


def test_ticked_checkboxes_and_a_typed_german_date_are_saved(coordinator_client, choices):
    group = WorkingGroupFactory(name="AG Zeit")
    project = ProjectFactory(title="Ferienbetreuung", working_group=group)
    response = coordinator_client.post(f"/verwaltung/arbeitsgruppen/project/{project.pk}/change/", {
        "title": "Ferienbetreuung", "slug": "ferienbetreuung", "status": project.status,
        "field_of_action": project.field_of_action_id, "working_group": group.pk,
        "partners": [choices["partner"].pk], "target_groups": [choices["target"].pk],
        "starts_on": "01.07.2026", "published": "on",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get(pk=project.pk)
    assert list(project.target_groups.all()) == [choices["target"]]
    assert list(project.partners.all()) == [choices["partner"]]
    assert project.starts_on.isoformat() == "2026-07-01"
