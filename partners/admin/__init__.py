"""The admin of the partners app, one module per topic."""

from partners.admin import declarations, partners, signatures  # noqa: F401 - registers the admins
