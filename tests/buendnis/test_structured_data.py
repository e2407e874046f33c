"""The alliance in schema.org JSON-LD: an NGO on every public page, with its member
partners on the about page, and no text that could end the data block."""

import pytest

from tests.factories import PartnerFactory
from tests.support.structured_data import item_of_type, json_ld

PUBLIC_PAGES = ["/", "/buendnis/", "/partner/", "/handlungsfelder/", "/projekte/", "/termine/",
                "/termine/archiv/", "/anregungen/", "/buendniserklaerung/", "/open-data/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_says_whose_it_is(visitor, alliance, path):
    response = visitor.get(path)
    assert response.status_code == 200
    names = [item.get("name") for item in json_ld(response) if item.get("@type") == "NGO"]
    assert names == [alliance.name], path


def test_the_home_page_describes_the_alliance(visitor, alliance):
    ngo = item_of_type(visitor.get("/"), "NGO")
    assert ngo["@context"] == "https://schema.org"
    assert ngo["url"] == "http://testserver/"
    assert ngo["address"]["addressLocality"] == alliance.town
    assert ngo["address"]["addressCountry"] == "DE"


def test_the_about_page_names_the_member_partners_and_only_them(visitor, alliance, declaration):
    PartnerFactory(name="Bäckerei Korn")
    PartnerFactory(name="Noch nicht bestätigt", pending=True)
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    PartnerFactory(name="Nicht im Verzeichnis", listed=False, wants_listing=False)
    response = visitor.get("/buendnis/")
    ngo = item_of_type(response, "NGO")
    assert [member["name"] for member in ngo["member"]] == ["Bäckerei Korn"]
    assert ngo["member"][0]["url"] == "http://testserver/partner/backerei-korn/"
    crumbs = item_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Startseite", "Das Bündnis"]


def test_no_text_can_end_the_data_block(visitor, alliance, declaration):
    PartnerFactory(name="Verein </script><script>alert(1)</script> & Co")
    response = visitor.get("/buendnis/")
    assert b"</script><script>alert(1)" not in response.content
    names = [member["name"] for member in item_of_type(response, "NGO")["member"]]
    assert names == ["Verein </script><script>alert(1)</script> & Co"]
