"""Assertions shared by the cockpit tests."""

import re

MANAGEMENT_LINK = re.compile(r"http://[^/\s]+/partner/verwalten/(?P<token>[^/\s]+)/")


def assert_management_link(body, partner):
    """The e-mail carries a personal link that opens this partner's management page."""
    from partners.services import partner_from_management_token

    match = MANAGEMENT_LINK.search(body)
    assert match, body
    assert partner_from_management_token(match["token"]) == partner
