"""The figures of the finances, each summed by the database (`Sum` with `Coalesce`), so
every page, PDF and download shows the same amounts to the cent.

Plan against actual, the yearly account, the Verwendungsnachweis and the exports all
read the ledger through `Entry.objects.counting()`: spending that waits for approval
counts nowhere until the steering group approved it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, Round
from django.utils.translation import gettext as _

from buendnis.lib.choices import choice_label
from finances.models import BudgetLine, Entry, Grant

ZERO = Decimal("0.00")


class EuroFromCents(IntegerField):
    """The output of `total()`: a whole number of cents, read as euros with two places."""

    def from_db_value(self, value, expression, connection):
        return ZERO if value is None else Decimal(int(value)).scaleb(-2).quantize(ZERO)


def total(field_name="amount"):
    """The sum of a money column, computed by the database, exactly: SQLite keeps decimals
    as binary floating point, and its SUM of 0.1 and 0.2 is not 0.3; rounded to whole
    cents first, every row is an integer and their sum is exact on every database (the
    property test in tests/finances/test_money_agrees.py found the difference)."""
    cents = Sum(Round(F(field_name) * Value(Decimal(100))))
    return Coalesce(cents, Value(0), output_field=EuroFromCents())


def sum_of(queryset, field_name="amount"):
    return queryset.aggregate(value=total(field_name))["value"]


@dataclass
class Row:
    label: str
    planned: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def difference(self):
        return self.planned - self.actual


@dataclass
class Comparison:
    """Plan against actual, one row per category, project or funder, with the totals."""

    rows: list = field(default_factory=list)

    @property
    def planned(self):
        return sum((row.planned for row in self.rows), ZERO)

    @property
    def actual(self):
        return sum((row.actual for row in self.rows), ZERO)

    @property
    def difference(self):
        return self.planned - self.actual


def _merge(planned, actual, label_of):
    keys = list(dict.fromkeys([*planned, *actual]))
    return Comparison([Row(label_of(key), planned.get(key, ZERO), actual.get(key, ZERO)) for key in keys])


def spending(year):
    return Entry.objects.counting().spending().in_year(year)


def income(year):
    return Entry.objects.counting().income().in_year(year)


def by_category(year):
    planned = {
        row["category__name"]: row["value"]
        for row in BudgetLine.objects.filter(year=year)
        .values("category__name", "category__position")
        .annotate(value=total("planned"))
        .order_by("category__position", "category__name")
    }
    actual = {
        row["category__name"]: row["value"]
        for row in spending(year)
        .values("category__name", "category__position")
        .annotate(value=total())
        .order_by("category__position", "category__name")
    }
    return _merge(planned, actual, lambda key: key or _("ohne Kategorie"))


def by_project(year):
    planned = {
        row["project__title"]: row["value"]
        for row in BudgetLine.objects.filter(year=year, project__isnull=False)
        .values("project__title")
        .annotate(value=total("planned"))
        .order_by("project__title")
    }
    actual = {
        row["project__title"]: row["value"]
        for row in spending(year)
        .filter(project__isnull=False)
        .values("project__title")
        .annotate(value=total())
        .order_by("project__title")
    }
    return _merge(planned, actual, str)


def by_funder(year):
    """Per funder: what its grants running in `year` grant, against what it paid in `year`."""
    running = Grant.objects.filter(starts_on__year__lte=year, ends_on__year__gte=year)
    planned = {
        row["funder"]: row["value"]
        for row in running.values("funder").annotate(value=total("granted")).order_by("funder")
    }
    actual = {
        row["grant__funder"]: row["value"]
        for row in income(year)
        .filter(grant__isnull=False)
        .values("grant__funder")
        .annotate(value=total())
        .order_by("grant__funder")
    }
    return _merge(planned, actual, str)


def income_by_source(year):
    return [
        (choice_label(Entry.Source, row["source"]), row["value"])
        for row in income(year).values("source").annotate(value=total()).order_by("source")
    ]


def spending_by_category(year):
    return [(row.label, row.actual) for row in by_category(year).rows if row.actual]


@dataclass
class YearFigures:
    year: int
    categories: Comparison
    projects: Comparison
    funders: Comparison
    income_sources: list
    income_total: Decimal
    spending_total: Decimal

    @property
    def balance(self):
        return self.income_total - self.spending_total


def year_figures(year):
    return YearFigures(
        year=year,
        categories=by_category(year),
        projects=by_project(year),
        funders=by_funder(year),
        income_sources=income_by_source(year),
        income_total=sum_of(income(year)),
        spending_total=sum_of(spending(year)),
    )


def years():
    """The years with a budget or an entry, newest first."""
    booked = {date.year for date in Entry.objects.dates("booked_on", "year")}
    planned = set(BudgetLine.objects.values_list("year", flat=True).distinct())
    return sorted(booked | planned, reverse=True)


@dataclass
class GrantStatement:
    """The numeric part of a Verwendungsnachweis: what came in and went out for the
    grant within its period."""

    grant: Grant
    received: list
    spent: list
    received_total: Decimal
    spent_total: Decimal

    @property
    def balance(self):
        return self.received_total - self.spent_total


def grant_statement(grant):
    within = Q(grant=grant, booked_on__gte=grant.starts_on, booked_on__lte=grant.ends_on)
    entries = (
        Entry.objects.counting()
        .filter(within)
        .select_related("category", "grant", "working_group", "project", "reverses")
    )
    received = entries.income().order_by("booked_on", "pk")
    spent = entries.spending().order_by("booked_on", "pk")
    return GrantStatement(grant, list(received), list(spent), sum_of(received), sum_of(spent))


def budget_spent_of(lines):
    """{line.pk: spent} for many budget lines in one query: the spending of their years,
    summed per category, group and project by the database; each line adds up the sums
    it covers (a line without group or project covers all of them)."""
    years = {line.year for line in lines}
    if not years:
        return {}
    sums = (
        Entry.objects.counting().spending().filter(booked_on__year__in=years)
        .values("booked_on__year", "category", "working_group", "project")
        .annotate(value=total())
        .order_by()
    )
    sums = list(sums)
    spent = {}
    for line in lines:
        spent[line.pk] = sum(
            (
                row["value"] for row in sums
                if row["booked_on__year"] == line.year and row["category"] == line.category_id
                and (not line.working_group_id or row["working_group"] == line.working_group_id)
                and (not line.project_id or row["project"] == line.project_id)
            ),
            ZERO,
        )
    return spent


def budget_spent(line):
    """What was spent against one budget line (its year, category, group and project)."""
    entries = spending(line.year).filter(category=line.category_id)
    if line.working_group_id:
        entries = entries.filter(working_group=line.working_group_id)
    if line.project_id:
        entries = entries.filter(project=line.project_id)
    return sum_of(entries)
