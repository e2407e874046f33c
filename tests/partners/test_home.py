from datetime import timedelta

from django.utils import timezone

from partners.models import Partner
from tests.factories import DeclarationFactory, PartnerFactory, SignatureFactory


def test_home_shows_newest_listed_partners_and_count(client, declaration):
    now = timezone.now()
    for number in range(8):
        PartnerFactory(
            name=f'Partner {number}',
            confirmed_at=now - timedelta(days=10 - number),
        )
    PartnerFactory(name="Verborgen", listed=False)
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    content = client.get("/").content.decode()
    assert "Neue Partner" in content
    assert "8 Organisationen machen mit." in content
    assert "Partner 7" in content and "Partner 2" in content
    assert "Partner 1" not in content  # only the six newest
    assert content.index("Partner 7") < content.index("Partner 2")
    assert "Verborgen" not in content and "Ausgetreten" not in content
    assert Partner.objects.get(name="Partner 7").get_absolute_url() in content


def test_home_without_partners_has_no_section(client, db):
    assert "Neue Partner" not in client.get("/").content.decode()


def test_home_names_the_newest_listed_partners_in_order(client, alliance):
    declaration = DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    now = timezone.now()
    for number in range(10):
        partner = PartnerFactory(
            name=f"Partner {number}", slug=f"partner-{number}", kind=Partner.Kind.COMPANY,
            listed=number != 9, signature=None,
        )
        SignatureFactory(
            partner=partner, declaration=declaration, confirmed_at=now - timedelta(days=10 - number)
        )
    withdrawn = PartnerFactory(name="Ehemalig", slug="ehemalig", kind=Partner.Kind.OTHER, signature=None)
    SignatureFactory(partner=withdrawn, declaration=declaration, confirmed_at=now, withdrawn_at=now)
    html = client.get("/").content.decode()
    shown = [f"Partner {number}" for number in range(10) if f">Partner {number}<" in html]
    assert shown == [f"Partner {number}" for number in range(3, 9)]
    assert html.index(">Partner 8<") < html.index(">Partner 3<")
    assert ">Partner 9<" not in html and "Ehemalig" not in html
