"""Fixtures of the finances: a year with a grant, a budget and booked entries."""

import datetime
from decimal import Decimal

import pytest

from finances import services
from finances.models import Entry
from tests.factories import BudgetLineFactory, CategoryFactory, GrantFactory


@pytest.fixture
def year_2026(coordinator):
    """2026: a budget of two categories, a grant, a donation and three expenses, one of
    them (600 €) above the threshold and waiting."""
    material = CategoryFactory(name="Sachkosten", slug="sachkosten", position=1)
    press = CategoryFactory(name="Öffentlichkeitsarbeit", slug="oeffentlichkeitsarbeit", position=2)
    BudgetLineFactory(year=2026, category=material, planned=Decimal("2000.00"))
    BudgetLineFactory(year=2026, category=press, planned=Decimal("1500.00"))
    grant = GrantFactory(funder="Landkreis Musterhausen", granted=Decimal("3000.00"))

    def book(**fields):
        return services.book(Entry(**fields), coordinator)

    entries = {
        "grant_payment": book(
            direction="income", source="grant", grant=grant, booked_on=datetime.date(2026, 2, 1),
            amount=Decimal("3000.00"), counterparty="Landkreis Musterhausen",
        ),
        "donation": book(
            direction="income", source="donation", booked_on=datetime.date(2026, 4, 2),
            amount=Decimal("150.50"), counterparty="Erika Mustermann", counterparty_is_private=True,
        ),
        "flyer": book(
            direction="spending", category=press, grant=grant, booked_on=datetime.date(2026, 3, 3),
            amount=Decimal("199.99"), counterparty="Druckerei Korn",
        ),
        "rent": book(
            direction="spending", category=material, grant=grant, booked_on=datetime.date(2026, 5, 5),
            amount=Decimal("600.00"), counterparty="Stadthalle Musterhausen",
        ),
        "coffee": book(
            direction="spending", category=material, booked_on=datetime.date(2026, 6, 6),
            amount=Decimal("42.10"), counterparty="Hans Beispiel", counterparty_is_private=True,
        ),
    }
    return {"grant": grant, "material": material, "press": press, **entries}
