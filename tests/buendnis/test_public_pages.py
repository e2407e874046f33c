import pytest
from django.urls import reverse

from buendnis.models import Alliance, Page
from tests.factories import MilestoneFactory
from tests.support.responses import streamed_body


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_home_shows_alliance_goals_and_call_to_join(client):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lokales Bündnis für Familie Musterhausen" in content
    assert "Unsere Ziele" in content
    assert "Vereinbarkeit" in content or "vereinbaren" in content
    assert "Machen Sie mit!" in content
    assert '<html lang="de" dir="ltr">' in content
    assert content.count("<h1") == 1


def test_about_page_explains_structure_and_history(client):
    response = client.get("/buendnis/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Was ist ein Lokales Bündnis für Familie?", "Koordinatorin", "Steuerungsgruppe",
                 "Geschäftsstelle", "Arbeitsgruppen", "Unsere Geschichte", "Herbst 2015",
                 "Gründungsveranstaltung"):
        assert text in content
    # The timeline is chronological.
    assert content.index("Herbst 2015") < content.index("Gründungsveranstaltung")


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/impressum/", "Impressum"),
        ("/datenschutz/", "Datenschutz"),
        ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
        ("/leichte-sprache/", "Leichte Sprache"),
    ],
)
def test_content_pages(client, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_footer_has_contact_details(client):
    content = client.get("/impressum/").content.decode()
    assert "Marktplatz 1" in content
    assert "12345 Musterhausen" in content
    assert "info@buendnis-musterhausen.example.org" in content
    assert "01234 / 567 89-0" in content


def test_unpublished_page_is_404(client):
    Page.objects.filter(slug=Page.Slug.PRIVACY).update(published=False)
    response = client.get("/datenschutz/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_unknown_path_gives_german_404_page(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_changes_show_at_once(client):
    alliance = Alliance.current()
    alliance.tagline = "Familie ist bei uns Chefsache."
    alliance.save()
    MilestoneFactory(date="2024-01-01", title="Neues Kapitel")
    assert "Familie ist bei uns Chefsache." in client.get("/").content.decode()
    assert "Neues Kapitel" in client.get("/buendnis/").content.decode()


def test_rich_text_is_sanitised(client):
    page = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    page.body = '<p onclick="alert(1)">Hallo <a href="javascript:alert(2)">x</a></p><script>alert(3)</script>'
    page.save()
    content = client.get("/impressum/").content.decode()
    assert "<script>alert(3)" not in content
    assert "onclick" not in content
    assert "javascript:" not in content
    assert "Hallo" in content


def test_pages_carry_no_inline_scripts_or_styles(client):
    for path in ("/", "/buendnis/", "/impressum/"):
        content = client.get(path).content.decode()
        assert "<script>" not in content
        assert "style=" not in content


def test_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_navigation_only_links_existing_pages(client):
    content = client.get("/").content.decode()
    assert reverse("buendnis:about") in content


def test_media_serves_uploads_but_not_stored_pdfs(client, settings, _alliance_scope):
    folder = f"alliances/{_alliance_scope.pk}"
    (settings.MEDIA_ROOT / folder / "logos").mkdir(parents=True)
    (settings.MEDIA_ROOT / "pdf-cache" / folder / "urkunde").mkdir(parents=True)
    (settings.MEDIA_ROOT / folder / "logos" / "logo.png").write_bytes(b"\x89PNG")
    (settings.MEDIA_ROOT / "pdf-cache" / folder / "urkunde" / "x.pdf").write_bytes(b"%PDF-1.7")
    upload = client.get(f"/media/{folder}/logos/logo.png")
    assert upload.status_code == 200
    assert streamed_body(upload) == b"\x89PNG"
    assert client.get(f"/media/pdf-cache/{folder}/urkunde/x.pdf").status_code == 404


def test_the_privacy_page_states_the_storage_periods_from_the_settings(client, alliance, settings):
    settings.REGISTRATION_RETENTION_DAYS = 45
    settings.SUGGESTION_RETENTION_DAYS = 200
    content = client.get("/datenschutz/").content.decode()
    assert "Wie lange wir Ihre Daten speichern" in content
    assert "löschen wir 45 Tage nach der Veranstaltung" in content
    assert "200 Tage, nachdem die" in content
    assert "drei Monate" not in content
    assert "Wie lange wir Ihre Daten speichern" not in client.get("/impressum/").content.decode()


def test_an_overlong_media_name_is_not_found(client, alliance):
    response = client.get("/media/logos/" + "x" * 5000 + ".png")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
