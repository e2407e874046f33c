"""Property: whatever is booked, plan against actual, the yearly account, the
Verwendungsnachweis and the exports agree to the cent (hypothesis)."""

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finances import figures, reports, services
from finances.exports import grant_table, ledger_table
from finances.models import AnnualReport, Entry
from finances.templatetags.money import euro
from tests.factories import CategoryFactory, GrantFactory

cents = st.integers(min_value=1, max_value=5_000_000).map(lambda n: Decimal(n) / 100)
bookings = st.lists(
    st.fixed_dictionaries(
        {
            "income": st.booleans(),
            "amount": cents,
            "category": st.integers(0, 2),
            "grant": st.booleans(),
            "approve": st.booleans(),
            "reverse": st.booleans(),
            "day": st.integers(0, 364),
        }
    ),
    max_size=12,
)


def counted(booking, threshold=Decimal("250.00")):
    waiting = not booking["income"] and booking["amount"] > threshold
    return not waiting or booking["approve"]


def expected_totals(data):
    income = spending = grant_income = grant_spending = Decimal("0.00")
    for booking in data:
        if not counted(booking) or booking["reverse"]:
            continue  # a reversed entry and its Storno add up to nothing
        if booking["income"]:
            income += booking["amount"]
            grant_income += booking["amount"] if booking["grant"] else 0
        else:
            spending += booking["amount"]
            grant_spending += booking["amount"] if booking["grant"] else 0
    return income, spending, grant_income, grant_spending


def source(booking):
    if not booking["income"]:
        return ""
    return "grant" if booking["grant"] else "donation"


def book_all(data, coordinator, steering_member, categories, grant):
    for booking in data:
        entry = services.book(
            Entry(
                direction="income" if booking["income"] else "spending",
                source=source(booking),
                category=None if booking["income"] else categories[booking["category"]],
                grant=grant if booking["grant"] else None,
                booked_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=booking["day"]),
                amount=booking["amount"],
            ),
            coordinator,
        )
        if entry.needs_approval and booking["approve"]:
            services.approve_entry(entry, steering_member)
        if booking["reverse"]:
            storno = services.reverse_entry(entry, coordinator)
            # Dated in the same year as the entry, so the year's sums see both.
            Entry.objects.filter(pk=storno.pk).update(booked_on=entry.booked_on)


def export_sum(table, column="Betrag (Euro)"):
    names = [c.header for c in table.columns]
    amount, counts = names.index(column), names.index("zählt")
    return sum((values[amount] for values in table.values() if values[counts]), Decimal("0.00"))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=bookings)
def test_every_figure_agrees_to_the_cent(data, coordinator, steering_member, alliance):
    with transaction.atomic():
        categories = [CategoryFactory(name=f"K{index}", slug=f"k{index}") for index in range(3)]
        grant = GrantFactory()
        book_all(data, coordinator, steering_member, categories, grant)
        income, spending, grant_income, grant_spending = expected_totals(data)

        year = figures.year_figures(2026)
        assert (year.income_total, year.spending_total) == (income, spending)
        assert year.categories.actual == spending
        assert sum((value for _label, value in year.income_sources), Decimal("0.00")) == income

        statement = figures.grant_statement(grant)
        assert (statement.received_total, statement.spent_total) == (grant_income, grant_spending)
        assert year.funders.actual == grant_income

        html = render_to_string("pdf/annual_report.html", reports.context(AnnualReport(year=2026), True))
        assert f'<dd class="income-total">{euro(income)}</dd>' in html
        assert f'<dd class="spending-total">{euro(spending)}</dd>' in html

        assert export_sum(ledger_table(Entry.objects.in_year(2026).spending(), 2026)) == spending
        assert export_sum(ledger_table(Entry.objects.in_year(2026).income(), 2026)) == income
        assert export_sum(grant_table(statement)) == grant_income + grant_spending
        transaction.set_rollback(True)
