import datetime

import pytest

from tests.factories import DeclarationFactory
from tests.support.pdfs import pdf_text


@pytest.fixture(autouse=True)
def declaration(db):
    """The version the founders signed (the directory's own fixture has a later one)."""
    return DeclarationFactory(
        version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True
    )

pytestmark = pytest.mark.browser


def test_visitor_opens_the_founding_certificate_from_the_about_page(
    page,
    alliance,
    founding_partners,
    axe,
):
    founding_partners(3)
    page.goto("/buendnis/")
    axe(page)
    link = page.get_by_role("link", name="Gründungsurkunde mit allen Gründungspartnern")

    with page.expect_response(lambda response: response.url.endswith(".pdf")) as response_info:
        link.click()

    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert 'filename="Gruendungsurkunde.pdf"' in response.headers["content-disposition"]
    assert page.url.endswith("/gruendungsurkunde.pdf")
    # Chromium shows the PDF in its viewer; fetch the same document to read it.
    assert "Kita Regenbogen 1" in pdf_text(page.request.get(page.url).body())
    # Chromium's own PDF viewer loads chrome:// and chrome-extension:// pages; nothing
    # else may leave the portal.
    assert [url for url in page.foreign_requests if url.startswith(("http:", "https:"))] == []
