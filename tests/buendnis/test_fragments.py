"""The cached HTML of list entries (buendnis/lib/fragments.py): rendered once per
content version, and every change that bumps the version shows at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arbeitsgruppen.models import Project
from buendnis import pagecache
from partners import links
from tests.factories import (
    DeclarationFactory,
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    TargetGroupFactory,
)


@pytest.fixture
def entry_cache(settings, alliance):
    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 0
    cache.clear()
    pagecache._memo.clear()
    yield settings
    cache.clear()


@pytest.fixture
def project(db):
    DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    field = FieldOfActionFactory(name="Beruf und Pflege", slug="beruf-und-pflege")
    project = ProjectFactory(
        title="Pflege-Lotsen", slug="pflege-lotsen", field_of_action=field,
        status=Project.Status.RUNNING,
    )
    project.partners.add(PartnerFactory(name="Bäckerei Korn"))
    project.target_groups.add(TargetGroupFactory(name="Pflegende", slug="pflegende"))
    return project


def get(client, url):
    html, queries = get_with_queries(client, url)
    return html, len(queries)


def get_with_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def test_entry_cache_is_off_in_tests_and_development(settings):
    assert settings.FRAGMENT_CACHE_SECONDS == 0


def test_cached_project_cards_need_no_queries_for_partners_and_target_groups(
    entry_cache,
    client,
    project,
):
    first, first_queries = get_with_queries(client, "/projekte/")
    second, second_queries = get_with_queries(client, "/projekte/")
    assert second == first
    assert "Bäckerei Korn" in second and "Pflegende" in second
    # The two prefetches run only for cards that are not in the cache.
    prefetches = ['"arbeitsgruppen_project_target_groups"', '"arbeitsgruppen_project_partners"']
    for table in prefetches:
        assert any(table in sql for sql in first_queries)
        assert not any(table in sql for sql in second_queries)


def test_search_and_filters_reuse_the_same_cards(entry_cache, client, project):
    get(client, "/projekte/")
    _, unfiltered = get(client, "/projekte/?q=lotsen")
    html, queries = get(client, "/projekte/?q=lotsen")
    assert queries == unfiltered
    assert "Pflege-Lotsen" in html


def test_withdrawal_through_the_portal_removes_the_partner_from_cached_cards(
    entry_cache,
    client,
    project,
    django_capture_on_commit_callbacks,
):
    assert "Bäckerei Korn" in get(client, "/projekte/")[0]
    partner = project.partners.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(links.management_path(partner) + "austreten/")
    assert response.status_code == 302
    html = get(client, "/projekte/")[0]
    assert "Pflege-Lotsen" in html
    assert "Bäckerei Korn" not in html


def test_an_edited_entry_is_rendered_again_even_without_a_new_version(entry_cache, client, project):
    get(client, "/projekte/")
    project.title = "Pflege-Lotsen im Betrieb"
    project.save()
    assert "Pflege-Lotsen im Betrieb" in get(client, "/projekte/")[0]


def test_the_same_partner_keeps_its_heading_level_on_each_page(entry_cache, client, project):
    listing = get(client, "/partner/")[0]
    home = get(client, "/")[0]
    assert '<h2><a href="/partner/backerei-korn/">Bäckerei Korn</a></h2>' in listing
    assert '<h3><a href="/partner/backerei-korn/">Bäckerei Korn</a></h3>' in home


def test_a_registration_updates_the_places_left_in_cached_date_entries(
    entry_cache,
    client,
    django_capture_on_commit_callbacks,
):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import EventFactory, FieldOfActionFactory, WorkingGroupFactory

    field = FieldOfActionFactory(name="Beruf und Pflege", slug="beruf-und-pflege")
    group = WorkingGroupFactory(name="AG Pflege", slug="ag-pflege", field_of_action=field)
    starts_at = timezone.now() + timedelta(days=10)
    event = EventFactory(
        title="Bündnistreffen", slug="buendnistreffen", starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2), registration_open=True, capacity=10,
        working_group=group,
    )
    pages = ["/termine/", "/", group.get_absolute_url()]
    for url in pages:
        assert "noch 10 Plätze frei" in get(client, url)[0]
    data = {"name": "Anna Schmidt", "email": "anna@example.org", "number_of_people": "3",
            "privacy": "on", "homepage": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/termine/{event.slug}/anmelden/", data)
    assert response.status_code == 302
    for url in pages:
        assert "noch 7 Plätze frei" in get(client, url)[0]


@pytest.mark.parametrize("url", ["/partner/", "/partner/?q=Partner", "/projekte/", "/termine/", "/"])
def test_with_the_entry_cache_the_queries_do_not_grow_with_the_entries(entry_cache, client, declaration, url):
    # The cache key knows the alliance without asking each entry (whose list query
    # loads only the columns the card shows).
    from tests.factories import EventFactory, ProjectFactory

    def add(count, start):
        for number in range(start, start + count):
            partner = PartnerFactory(name=f"Partner {number:03d}")
            ProjectFactory(title=f"Projekt {number:03d}", partners=[partner])
            EventFactory(title=f"Termin {number:03d}")

    add(2, 0)
    client.get(url)
    few = get(client, url)[1]
    add(20, 2)
    pagecache._memo.clear()
    client.get(url)
    assert get(client, url)[1] == few
