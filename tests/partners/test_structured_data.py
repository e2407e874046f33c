"""A partner's page in schema.org JSON-LD: an Organization that is a member of the alliance."""

from tests.factories import PartnerFactory
from tests.support.structured_data import item_of_type


def test_a_partner_page_is_an_organization_member_of_the_alliance(visitor, alliance, declaration):
    partner = PartnerFactory(
        name="Bäckerei Korn", town="Lindenau", website="https://baeckerei-korn.example",
        description="Brot und Ausbildungsplätze.", contact_email="korn@example.org",
    )
    response = visitor.get(partner.get_absolute_url())
    organization = item_of_type(response, "Organization")
    assert organization["name"] == "Bäckerei Korn"
    assert organization["url"] == "http://testserver/partner/backerei-korn/"
    assert organization["memberOf"] == {
        "@type": "NGO", "@id": "http://testserver/#buendnis", "name": alliance.name,
        "url": "http://testserver/",
    }
    assert organization["sameAs"] == ["https://baeckerei-korn.example"]
    assert organization["address"]["addressLocality"] == "Lindenau"
    assert "korn@example.org" not in response.content.decode().split("</head>")[0]
    crumbs = item_of_type(response, "BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"]) for crumb in crumbs] == [
        (1, "Startseite"), (2, "Partner"), (3, "Bäckerei Korn"),
    ]
    assert crumbs[2]["item"] == organization["url"]
