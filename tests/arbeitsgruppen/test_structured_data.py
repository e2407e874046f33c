"""Projects, groups and fields of action in schema.org JSON-LD."""

import datetime

import pytest

from tests.factories import PartnerFactory, ProjectFactory, WorkingGroupFactory
from tests.support.structured_data import item_of_type


@pytest.fixture(autouse=True)
def _alliance(alliance, declaration):
    return alliance


def test_a_project_page_is_a_project_of_the_alliance_with_its_public_partners(visitor, alliance):
    korn = PartnerFactory(name="Bäckerei Korn")
    gone = PartnerFactory(name="Ausgetreten", withdrawn=True)
    project = ProjectFactory(
        title="Ferienbetreuung", summary="Betreuung in allen Ferien.",
        starts_on=datetime.date(2024, 6, 1), partners=[korn, gone],
    )
    response = visitor.get(project.get_absolute_url())
    data = item_of_type(response, "Project")
    assert data["name"] == "Ferienbetreuung"
    assert data["description"] == "Betreuung in allen Ferien."
    assert data["foundingDate"] == "2024-06-01"
    assert data["parentOrganization"]["name"] == alliance.name
    assert [member["name"] for member in data["member"]] == ["Bäckerei Korn"]
    crumbs = item_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Startseite", "Projekte", "Ferienbetreuung"]


def test_group_and_field_pages_carry_their_breadcrumbs(visitor):
    group = WorkingGroupFactory(name="AG Randzeiten", field_of_action__name="Vereinbarkeit")
    crumbs = item_of_type(visitor.get(group.get_absolute_url()), "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Startseite", "Handlungsfelder", "Vereinbarkeit",
                                                     "AG Randzeiten"]
    assert crumbs[2]["item"] == f"http://testserver{group.field_of_action.get_absolute_url()}"
    field_page = visitor.get(group.field_of_action.get_absolute_url())
    crumbs = item_of_type(field_page, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Startseite", "Handlungsfelder", "Vereinbarkeit"]
