"""Nothing of one alliance's finances opens in another's admin or on its site."""

from decimal import Decimal

import pytest
from django.urls import reverse

from buendnis.models import Domain
from buendnis.tenancy import activate
from finances.models import FinanceSettings
from tests.factories import AllianceFactory, AnnualReportFactory, CategoryFactory, EntryFactory, GrantFactory
from tests.support.responses import assert_not_found


@pytest.fixture
def nordheim_finances(alliance):
    # With two alliances, each answers on its own domain: this one on the test client's.
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    nordheim = AllianceFactory(slug="nordheim", name="Bündnis für Familie Nordheim")
    with activate(nordheim):
        category = CategoryFactory(name="Sachkosten", slug="sachkosten")
        settings = FinanceSettings.current()
        settings.transparency_page = True
        settings.save()
        return {
            "entry": EntryFactory(category=category, amount=Decimal("999.00"), needs_approval=True),
            "grant": GrantFactory(funder="Landkreis Nordheim"),
            "report": AnnualReportFactory(year=2026),
        }


def test_another_alliances_ids_are_not_found(client, steering_member, coordinator, nordheim_finances):
    entry, grant, report = nordheim_finances["entry"], nordheim_finances["grant"], nordheim_finances["report"]
    client.force_login(steering_member)
    for url in [
        reverse("finances:approve_entry", args=[entry.pk]),
        reverse("finances:receipt", args=[entry.pk]),
        reverse("finances:grant_statement", args=[grant.pk, "pdf"]),
        reverse("finances:approve_report", args=[report.pk]),
        reverse("admin:finances_entry_change", args=[entry.pk]),
    ]:
        assert_not_found(client.get(url))
    assert client.post(reverse("finances:approve_entry", args=[entry.pk])).status_code == 404
    client.force_login(coordinator)
    assert client.post(reverse("finances:reverse_entry", args=[entry.pk]), {"note": "x"}).status_code == 404
    entry.refresh_from_db()
    assert entry.approved_at is None


def test_the_steering_page_shows_only_its_own_alliance(coordinator_client, year_2026, nordheim_finances):
    content = coordinator_client.get(reverse("finances:overview"), {"jahr": 2026}).content.decode()
    assert "Landkreis Nordheim" not in content and "999,00" not in content


def test_the_transparency_page_is_the_alliances_own(client, nordheim_finances):
    # Nordheim publishes its page; this alliance does not.
    assert_not_found(client.get(reverse("finances:transparency")))
