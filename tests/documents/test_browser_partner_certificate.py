import pytest

from partners import services
from tests.documents.conftest import pdf_text

pytestmark = pytest.mark.browser


def test_partner_downloads_its_certificate_from_the_management_page(
    page, alliance, make_partner, axe
):
    partner = make_partner("Tischlerei Holzwurm")
    page.goto(services.management_path(partner))
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Urkunde herunterladen").click()

    download = download_info.value
    assert download.suggested_filename == "Urkunde-tischlerei-holzwurm.pdf"
    with open(download.path(), "rb") as file:
        assert "Tischlerei Holzwurm" in pdf_text(file.read())
    assert page.foreign_requests == []
