"""The ledger's rules: four eyes above the threshold, never changed, only reversed."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from finances import figures, services
from finances.models import Entry, FinanceSettings
from tests.factories import CategoryFactory


def test_spending_above_the_threshold_waits_and_does_not_count(year_2026):
    rent = year_2026["rent"]
    assert rent.needs_approval and rent.is_waiting
    assert not year_2026["flyer"].needs_approval  # 199.99 € is below 250 €
    assert not year_2026["grant_payment"].needs_approval  # income never waits
    assert list(Entry.objects.waiting()) == [rent]
    assert figures.sum_of(figures.spending(2026)) == Decimal("242.09")


def test_the_threshold_is_the_alliances_own(coordinator):
    settings = FinanceSettings.current()
    settings.approval_threshold = Decimal("50.00")
    settings.save()
    entry = services.book(
        Entry(direction="spending", booked_on="2026-01-02", amount=Decimal("50.01"),
              category=CategoryFactory()),
        coordinator,
    )
    assert entry.needs_approval


def test_a_steering_member_approves_and_the_entry_counts(year_2026, steering_member):
    rent = services.approve_entry(year_2026["rent"], steering_member)
    rent.refresh_from_db()
    assert rent.approved_by == steering_member and rent.approved_at is not None
    assert figures.sum_of(figures.spending(2026)) == Decimal("842.09")
    assert not Entry.objects.waiting().exists()
    history = rent.history.order_by("history_date").last()
    assert history.approved_by_id == steering_member.pk


def test_nobody_approves_their_own_entry(year_2026, steering_member):
    own = services.book(
        Entry(direction="spending", booked_on="2026-07-01", amount=Decimal("900.00"),
              category=year_2026["material"]),
        steering_member,
    )
    with pytest.raises(services.FinanceError, match="eigene Buchung"):
        services.approve_entry(own, steering_member)
    own.refresh_from_db()
    assert own.approved_at is None


def test_the_coordinator_does_not_approve(year_2026, coordinator):
    with pytest.raises(services.FinanceError, match="Steuerungsgruppe"):
        services.approve_entry(year_2026["rent"], coordinator)
    assert not coordinator.has_perm("finances.approve_entry")


def test_a_booked_entry_is_never_changed_or_deleted(year_2026):
    flyer = year_2026["flyer"]
    flyer.amount = Decimal("1.00")
    with pytest.raises(ValidationError):
        flyer.save()
    with pytest.raises(ValidationError):
        flyer.delete()
    flyer.refresh_from_db()
    assert flyer.amount == Decimal("199.99")


def test_a_storno_reverses_without_deleting(year_2026, coordinator):
    flyer = year_2026["flyer"]
    storno = services.reverse_entry(flyer, coordinator, "Falscher Betrag")
    assert storno.amount == Decimal("-199.99") and storno.reverses == flyer
    assert Entry.objects.filter(pk=flyer.pk).exists()
    assert figures.sum_of(figures.spending(2026)) == Decimal("42.10")
    with pytest.raises(services.FinanceError, match="bereits storniert"):
        services.reverse_entry(flyer, coordinator)
    with pytest.raises(services.FinanceError, match="nicht storniert"):
        services.reverse_entry(storno, coordinator)


def test_a_reversed_waiting_entry_is_neither_approved_nor_counted(year_2026, coordinator, steering_member):
    services.reverse_entry(year_2026["rent"], coordinator, "doppelt gebucht")
    assert figures.sum_of(figures.spending(2026)) == Decimal("242.09")
    assert not Entry.objects.waiting().exists()
    with pytest.raises(services.FinanceError, match="storniert"):
        services.approve_entry(year_2026["rent"], steering_member)


def test_only_a_storno_is_negative(year_2026):
    with pytest.raises(IntegrityError):
        Entry.objects.create(direction="spending", booked_on="2026-01-01", amount=Decimal("-5.00"))


def test_the_budget_list_reads_what_each_line_spent_in_one_query(
    coordinator_client, django_assert_max_num_queries
):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import BudgetLineFactory, CategoryFactory, EntryFactory

    url = "/verwaltung/finances/budgetline/?year=2026"
    first = CategoryFactory(name="Öffentlichkeitsarbeit")
    BudgetLineFactory(category=first)
    EntryFactory(category=first, amount=Decimal("12.34"), booked_on=datetime.date(2026, 3, 1))
    with CaptureQueriesContext(connection) as one_line:
        response = coordinator_client.get(url)
    assert "12,34" in response.content.decode()
    for number in range(5):
        category = CategoryFactory(name=f"Kategorie {number}")
        BudgetLineFactory(category=category)
        EntryFactory(category=category, amount=Decimal("1.00"), booked_on=datetime.date(2026, 4, 1))
    with django_assert_max_num_queries(len(one_line)):
        coordinator_client.get(url)
