"""Every public page in /en/, /tr/, /ar/ and /uk/: it answers in that language (lang, dir,
Content-Language) and shows no German interface word (tests/support/languages.py).

`test_every_page_is_in_its_language` fails until the translators' catalogues are complete;
`test_every_interface_message_is_marked_for_translation` checks the same pages with every
marked message "translated" (in capitals), so what German remains was never marked."""

import pytest

from buendnis.models import Alliance
from tests.support.languages import content_pieces, german_words, pseudo_translated, walk

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

LANGUAGES = ["en", "tr", "ar", "uk"]


@pytest.fixture
def site(demo_data, client):
    return client


def check(client, language, limit=60):
    pages = walk(client, f"/{language}/", limit=limit)
    assert len(pages) > 25, sorted(pages)
    german, pieces = {}, content_pieces()
    for path, response in pages.items():
        body = response.content.decode()
        assert path.startswith(f"/{language}/")
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in body, path
        assert response["Content-Language"] == language, path
        if words := german_words(body, pieces, language):
            german[path] = words
    return pages, german


def test_the_walk_finds_the_pages_a_family_reads(site):
    pages, _german = check(site, "en", limit=200)
    for path in ("/en/", "/en/buendnis/", "/en/partner/", "/en/handlungsfelder/", "/en/projekte/",
                 "/en/termine/", "/en/anregungen/", "/en/buendniserklaerung/", "/en/impressum/",
                 "/en/open-data/"):
        assert path in pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_in_its_language(site, language):
    _pages, german = check(site, language)
    assert german == {}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_interface_message_is_marked_for_translation(site, language, monkeypatch):
    with pseudo_translated(monkeypatch):
        _pages, german = check(site, language)
    assert german == {}


def test_the_walk_catches_an_unmarked_german_word(site, monkeypatch):
    from buendnis import context_processors

    navigation = [("Termine" if place == "dates" else label, place)
                  for label, place in context_processors.NAVIGATION]
    monkeypatch.setattr(context_processors, "NAVIGATION", navigation)
    with pseudo_translated(monkeypatch):
        _pages, german = check(site, "en", limit=30)
    assert german and all("Termine" in words for words in german.values())


def test_a_language_the_alliance_does_not_offer_is_not_walked(site):
    alliance = Alliance.current()
    alliance.languages = ["de", "en"]
    alliance.save()
    assert site.get("/tr/").status_code == 404
