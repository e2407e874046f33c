from tests.factories import DeclarationFactory


def test_declaration_page_shows_current_version(client, declaration):
    DeclarationFactory(version="2017", text="<p>Alte Fassung</p>")
    response = client.get("/buendniserklaerung/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Wir machen mit für Familien." in content
    assert "Fassung 2024" in content
    assert "Alte Fassung" not in content
    assert "/buendniserklaerung/unterzeichnen/" in content


def test_declaration_text_is_sanitised(client, declaration):
    declaration.text = '<p onclick="x()">Text</p><script>alert(1)</script>'
    declaration.save()
    content = client.get("/buendniserklaerung/").content.decode()
    assert "<script>alert(1)" not in content
    assert "onclick" not in content


def test_without_current_declaration_nobody_can_sign(client, db):
    assert "wird gerade überarbeitet" in client.get("/buendniserklaerung/").content.decode()
    response = client.get("/buendniserklaerung/unterzeichnen/")
    assert "wird gerade überarbeitet" in response.content.decode()
    assert "<form" not in response.content.decode().split('id="inhalt"')[1]


def test_navigation_offers_partners_and_join_button(client, declaration):
    content = client.get("/").content.decode()
    assert 'href="/partner/"' in content
    assert "Partner werden" in content


def test_former_versions_are_readable_at_stable_addresses(client, declaration):
    import datetime

    from tests.factories import DeclarationFactory

    former = DeclarationFactory(
        version="2017", text="<p>Alte Fassung</p>", valid_from=datetime.date(2017, 11, 8)
    )
    later = DeclarationFactory(
        version="2030", text="<p>Entwurf für später</p>", valid_from=datetime.date(2030, 1, 1)
    )

    overview = client.get("/buendniserklaerung/").content.decode()
    assert "Frühere Fassungen" in overview and "/buendniserklaerung/fassung/2017/" in overview
    assert "/buendniserklaerung/fassung/2030/" not in overview

    page = client.get("/buendniserklaerung/fassung/2017/")
    assert former.get_absolute_url() == "/buendniserklaerung/fassung/2017/"
    content = page.content.decode()
    assert "Alte Fassung" in content and "frühere Fassung" in content
    current = client.get("/buendniserklaerung/fassung/2024/").content.decode()
    assert "Wir machen mit für Familien." in current and "frühere Fassung" not in current
    # A version prepared for later is not public before it is in force.
    assert client.get(later.get_absolute_url()).status_code == 404
    assert client.get("/buendniserklaerung/fassung/gibt-es-nicht/").status_code == 404


def test_a_partner_page_says_which_version_it_signed(client, declaration):
    import datetime

    from tests.factories import DeclarationFactory, PartnerFactory

    former = DeclarationFactory(version="2017", valid_from=datetime.date(2017, 11, 8))
    partner = PartnerFactory(name="Kita Sonne", declaration=former)
    content = client.get(partner.get_absolute_url()).content.decode()
    assert "Bündniserklärung in der Fassung 2017" in content
    assert 'href="/buendniserklaerung/fassung/2017/"' in content


def test_a_version_name_must_fit_an_address(declaration):
    import pytest
    from django.core.exceptions import ValidationError

    from tests.factories import DeclarationFactory

    with pytest.raises(ValidationError) as error:
        DeclarationFactory.build(version="2017 / neu").full_clean()
    assert "Nur Buchstaben, Ziffern" in str(error.value)
