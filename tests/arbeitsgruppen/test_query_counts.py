"""The number of queries of each page does not grow with the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arbeitsgruppen.models import Project, TargetGroup, WorkingGroup
from buendnis.models import FieldOfAction
from partners.models import Partner, Signature


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def fill(rows, declaration):
    """`rows` fields, groups, projects and partners, all linked to each other."""
    fields = FieldOfAction.objects.bulk_create(
        FieldOfAction(name=f"Feld {n}", slug=f"feld-{n}", position=n) for n in range(rows)
    )
    groups = WorkingGroup.objects.bulk_create(
        WorkingGroup(
            name=f"AG {n}", slug=f"ag-{n}", mandate="Auftrag", field_of_action=fields[0],
            status=WorkingGroup.Status.ACTIVE if n % 2 else WorkingGroup.Status.COMPLETED,
        )
        for n in range(rows)
    )
    projects = Project.objects.bulk_create(
        Project(
            # Half of them in the first field, so its page shows a full list.
            title=f"Projekt {n}", slug=f"projekt-{n}",
            field_of_action=fields[0] if n % 2 else fields[n % len(fields)],
            working_group=groups[0] if n % 2 else None, status=Project.Status.RUNNING,
        )
        for n in range(rows)
    )
    partners = Partner.objects.bulk_create(
        Partner(name=f"Partner {n}", slug=f"partner-{n}", kind=Partner.Kind.COMPANY)
        for n in range(rows)
    )
    Signature.objects.bulk_create(
        Signature(partner=partner, declaration=declaration, confirmed_at="2024-01-01T10:00Z")
        for partner in partners
    )
    targets = TargetGroup.objects.bulk_create(
        TargetGroup(name=f"Zielgruppe {n}", slug=f"zielgruppe-{n}") for n in range(min(rows, 20))
    )
    groups[0].members.set(partners)
    fields[0].interested_partners.set(partners)
    for project in projects[:50]:
        project.partners.set(partners[:5])
        project.target_groups.set(targets[:3])
    return fields[0], groups[0]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context)


def path(page, field, group):
    return {
        "field_list": "/handlungsfelder/",
        "field_detail": field.get_absolute_url(),
        "group_detail": group.get_absolute_url(),
        "project_list": "/projekte/",
        "project_list_filtered": "/projekte/?status=running&zielgruppe=zielgruppe-1&q=Projekt",
        "project_detail": "/projekte/projekt-1/",
    }[page]


@pytest.mark.parametrize(
    "page",
    ["field_list", "field_detail", "group_detail", "project_list", "project_list_filtered",
     "project_detail"],
)
def test_queries_do_not_grow_with_rows(client, declaration, django_assert_num_queries, page):
    field, group = fill(5, declaration)
    few = count_queries(client, path(page, field, group))
    assert few <= 10

    for model in (Project, WorkingGroup, FieldOfAction, TargetGroup, Signature, Partner):
        model.objects.all().delete()
    field, group = fill(500, declaration)
    with django_assert_num_queries(few):
        response = client.get(path(page, field, group))
    assert response.status_code == 200
