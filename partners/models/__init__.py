"""The models of the partners app, one module per topic."""

from partners.models.declarations import Declaration
from partners.models.partners import MAX_REMINDERS, Partner, Signature, open_period, public_partner_count
from partners.models.sessions import SigningSession

__all__ = [
    "MAX_REMINDERS",
    "Declaration",
    "Partner",
    "Signature",
    "SigningSession",
    "open_period",
    "public_partner_count",
]
