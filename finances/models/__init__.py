"""The alliance's money: budget, grants, the ledger of income and spending, the yearly account.

- Amounts are `Decimal` with two places; every sum is computed by the database
  (`Sum` with `Coalesce`, see `finances.figures`), never by adding floats.
- An entry of the ledger (`Entry`) is booked once and never changed or deleted: a
  mistake is corrected by a Storno, a counter-entry with the negative amount that
  names the entry it reverses. Only the approval is written later.
- Four eyes: spending above the alliance's threshold counts only once a member of the
  steering group approved it (`Entry.objects.counting()`); nobody approves their own.
- The yearly account is a draft until the steering group approves it; then its PDF is
  stored with its SHA-256 and does not change any more.
"""

from finances.models.budget import (
    DEFAULT_THRESHOLD,
    BudgetLine,
    Category,
    FinanceSettings,
    Grant,
    money_field,
    receipt_upload_to,
)
from finances.models.ledger import Entry, EntryQuerySet
from finances.models.reports import AnnualReport, AnnualReportQuerySet

__all__ = [
    "DEFAULT_THRESHOLD",
    "AnnualReport",
    "AnnualReportQuerySet",
    "BudgetLine",
    "Category",
    "Entry",
    "EntryQuerySet",
    "FinanceSettings",
    "Grant",
    "money_field",
    "receipt_upload_to",
]
