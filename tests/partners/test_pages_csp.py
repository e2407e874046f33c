import re

import pytest

from partners import links
from tests.factories import PartnerFactory

PAGES = {
    "declaration": lambda partner: "/buendniserklaerung/",
    "sign": lambda partner: "/buendniserklaerung/unterzeichnen/",
    "sign_sent": lambda partner: "/buendniserklaerung/gesendet/",
    "confirmed": lambda partner: "/buendniserklaerung/bestaetigt/",
    "confirm": lambda partner: links.confirmation_link(partner.signatures.get()),
    "list": lambda partner: "/partner/",
    "detail": lambda partner: partner.get_absolute_url(),
    "manage_request": lambda partner: "/partner/verwalten/",
    "manage_request_sent": lambda partner: "/partner/verwalten/gesendet/",
    "manage": lambda partner: links.management_path(partner),
    "withdraw": lambda partner: links.management_path(partner) + "austreten/",
    "withdrawn": lambda partner: "/partner/verwalten/ausgetreten/",
    "token_error": lambda partner: "/partner/verwalten/kaputt/",
}


@pytest.mark.parametrize("name", PAGES)
def test_pages_have_one_heading_and_nothing_inline(client, declaration, name):
    partner = PartnerFactory(
        name="Bäckerei Korn",
        membership='unconfirmed' if name == 'confirm' else 'active',
    )
    response = client.get(PAGES[name](partner))
    assert response.status_code == (400 if name == "token_error" else 200)
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert "style=" not in content
    # No script in the page: only scripts from files, and JSON-LD, which is data.
    for tag in re.findall(r"<script[^>]*>", content):
        assert ' src="' in tag or tag == '<script type="application/ld+json">', tag
    assert " onclick" not in content
