from partners.models import Declaration


def test_declaration_page_shows_current_version(client, declaration):
    Declaration.objects.create(version="2017", text="<p>Alte Fassung</p>")
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
