import datetime

import pytest

from partners import links
from tests.factories import AT_FOUNDING, DeclarationFactory, PartnerFactory
from tests.support.pdfs import pdf_text


@pytest.fixture(autouse=True)
def declaration(db):
    """The version the founders signed (the directory's own fixture has a later one)."""
    return DeclarationFactory(
        version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True
    )

pytestmark = pytest.mark.browser


def test_partner_downloads_its_certificate_from_the_management_page(page, alliance, axe):
    partner = PartnerFactory(name="Tischlerei Holzwurm", **AT_FOUNDING)
    page.goto(links.management_path(partner))
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Urkunde herunterladen").click()

    download = download_info.value
    assert download.suggested_filename == "Urkunde-tischlerei-holzwurm.pdf"
    with open(download.path(), "rb") as file:
        assert "Tischlerei Holzwurm" in pdf_text(file.read())
    assert page.foreign_requests == []
