"""The public site's languages (buendnis/languages.py): German without a prefix, the others
under /en/, /tr/, /ar/, /uk/; the admin German whatever the browser asks for; the first
visit's redirect by Accept-Language; the page cache, hreflang, sitemap and JSON-LD per language."""

import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation

from buendnis import languages, pagecache
from buendnis.models import Alliance
from tests.factories import PartnerFactory
from tests.support.structured_data import json_ld

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


@pytest.fixture
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 0
    cache.clear()
    pagecache._memo.clear()
    return settings


def offer(*languages):
    alliance = Alliance.current()
    alliance.languages = list(languages)
    alliance.save()


@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("tr", "ltr"), ("ar", "rtl"), ("uk", "ltr")])
def test_each_language_has_its_prefix_lang_and_direction(client, language, direction):
    response = client.get(f"/{language}/partner/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert response["Content-Language"] == language
    rtl = "bootstrap.rtl.min.css" in body
    assert rtl == (direction == "rtl")
    assert ("bootstrap.min.css" in body) == (direction == "ltr")


def test_german_keeps_its_addresses_without_a_prefix(client):
    response = client.get("/partner/")
    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.content.decode()
    assert response["Content-Language"] == "de"
    assert client.get("/de/partner/").status_code == 404


def test_a_language_the_alliance_does_not_offer_answers_404(client):
    offer("de", "en")
    assert client.get("/en/partner/").status_code == 200
    for path in ("/tr/", "/tr/partner/", "/ar/termine/", "/uk/buendnis/"):
        assert client.get(path).status_code == 404, path


def test_every_page_links_itself_in_each_offered_language(client):
    offer("de", "en", "ar")
    body = client.get("/en/partner/").content.decode()
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body)
    assert alternates == [("de", "http://testserver/partner/"), ("en", "http://testserver/en/partner/"),
                          ("ar", "http://testserver/ar/partner/"), ("x-default", "http://testserver/partner/")]
    switch = body[body.index('class="language-switch"'):]
    switch = switch[:switch.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang="(\w+)"[^>]*>([^<]+)</a>', switch) == [
        ("/partner/", "de", "de", "Deutsch"), ("/en/partner/", "en", "en", "English"),
        ("/ar/partner/", "ar", "ar", "العربية"),
    ]
    assert 'aria-current="true">English' in switch


def test_a_site_in_german_only_shows_no_switch(client):
    offer("de")
    body = client.get("/partner/").content.decode()
    assert "language-switch" not in body
    assert 'hreflang="x-default"' not in body


@pytest.mark.parametrize("accept", ["en", "ar", "en-GB,en;q=0.9"])
def test_the_admin_stays_german_whatever_the_browser_asks_for(client, coordinator, accept):
    login = client.get("/verwaltung/login/", HTTP_ACCEPT_LANGUAGE=accept, **BROWSER)
    assert login.status_code == 200
    assert '<html lang="de"' in login.content.decode()
    assert "Anmelden" in login.content.decode()
    client.force_login(coordinator)
    page = client.get("/verwaltung/", HTTP_ACCEPT_LANGUAGE=accept, **BROWSER)
    assert page.status_code == 200
    assert '<html lang="de"' in page.content.decode()
    assert "Abmelden" in page.content.decode() and "Log out" not in page.content.decode()
    for path in ("/en/verwaltung/", "/en/verwaltung/finanzen/", "/ar/verwaltung/login/"):
        assert client.get(path).status_code == 404, path


def test_the_first_visit_follows_accept_language_once(client):
    response = client.get("/partner/?seite=2", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9,de;q=0.5", **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/tr/partner/?seite=2"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]
    assert response.cookies["django_language"].value == "tr"
    # Remembered: German is German from now on (the switch's choice wins).
    again = client.get("/partner/", HTTP_ACCEPT_LANGUAGE="tr", **BROWSER)
    assert again.status_code == 200
    assert again["Content-Language"] == "de"


@pytest.mark.parametrize("headers", [
    {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.9,en;q=0.8"},  # German first
    {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"},  # not offered
    {"HTTP_ACCEPT_LANGUAGE": "en", "HTTP_REFERER": "http://testserver/en/partner/"},  # the switch
    {"HTTP_ACCEPT_LANGUAGE": "en", "HTTP_ACCEPT": "text/calendar"},  # no browser page
])
def test_no_redirect_for_german_others_our_own_links_and_files(client, headers):
    response = client.get("/termine/", **{**BROWSER, **headers})
    assert response.status_code == 200


def test_no_redirect_to_a_language_the_alliance_does_not_offer_or_for_fixed_addresses(client):
    offer("de", "en")
    assert client.get("/partner/", HTTP_ACCEPT_LANGUAGE="ar", **BROWSER).status_code == 200
    assert client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="en", **BROWSER).status_code == 200
    assert client.get("/verwaltung/login/", HTTP_ACCEPT_LANGUAGE="en", **BROWSER).status_code == 200


def test_the_redirect_comes_before_the_page_cache(client, cached):
    german = client.get("/partner/", **BROWSER)
    assert german.status_code == 200
    assert client.get("/partner/", **BROWSER)["X-Page-Cache"] == "hit"
    response = client.get("/partner/", HTTP_ACCEPT_LANGUAGE="en", **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == "/en/partner/"
    assert "X-Page-Cache" not in response


def test_a_page_in_two_languages_comes_back_in_each_from_the_page_cache(client, cached):
    PartnerFactory(name="Bäckerei Korn")
    for path in ("/partner/", "/en/partner/", "/ar/partner/"):
        assert client.get(path)["X-Page-Cache"] == "miss"
    for path, language in [("/partner/", "de"), ("/en/partner/", "en"), ("/ar/partner/", "ar"),
                           ("/en/partner/", "en"), ("/partner/", "de")]:
        response = client.get(path)
        assert response["X-Page-Cache"] == "hit"
        assert response["Content-Language"] == language
        assert f'<html lang="{language}"' in response.content.decode()


def test_the_page_cache_key_names_the_language(rf, alliance):
    assert ":en:" in pagecache._cache_key(rf.get("/en/partner/"), 1)
    assert ":de:" in pagecache._cache_key(rf.get("/partner/"), 1)


def test_a_hit_in_another_language_answers_with_the_headers_of_the_miss(client, cached):
    for path in ("/en/partner/", "/partner/"):
        miss = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
        hit = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")
        assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
        assert {name: value for name, value in hit.items() if name != "X-Page-Cache"} == {
            name: value for name, value in miss.items() if name != "X-Page-Cache"
        }
        assert hit.content == miss.content
    assert hit["Content-Language"] == "de"
    assert hit["Vary"] == "Accept-Language, Cookie, Accept-Encoding"  # German: the first-visit redirect
    assert client.get("/en/partner/")["Vary"] == "Cookie, Accept-Encoding"


def _djangos_prefix(path):
    """The definition `prefixed_language` writes out (buendnis/languages.py)."""
    language = translation.get_language_from_path(path)
    if language and language != django_settings.LANGUAGE_CODE and path.startswith(f"/{language}/"):
        return language
    return None


@pytest.mark.parametrize("path", [
    "/", "/en/", "/en", "/EN/partner/", "/en-gb/", "/en-GB/x", "/de/", "/DE/", "/partner/", "/uk/",
    "/ar/partner/x/", "//en/", "/en@x/", "/zh-hans/", "/xx/", "/en/en/", "en/", "", "/ukk/", "/verwaltung/",
])
def test_the_language_of_an_address_is_djangos(path):
    assert languages.prefixed_language(path) == _djangos_prefix(path)


def test_json_ld_says_the_language(client):
    for path, language in [("/", "de"), ("/en/", "en"), ("/ar/partner/", "ar")]:
        response = client.get(path)
        pages = [item for item in json_ld(response) if item.get("@type") == "WebPage"]
        assert [page["inLanguage"] for page in pages] == [language]


def test_the_sitemap_lists_each_language_with_its_alternates(client):
    offer("de", "en", "uk")
    partner = PartnerFactory(name="Bäckerei Korn")
    response = client.get("/sitemap-partner.xml")
    root = ElementTree.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [url.findtext("s:loc", namespaces=ns) for url in root.findall("s:url", ns)]
    path = partner.get_absolute_url()
    for prefix in ("", "/en", "/uk"):
        assert f"http://testserver{prefix}{path}" in locations
    assert not any("/tr/" in location for location in locations)
    first = root.find("s:url", ns)
    links = {link.get("hreflang"): link.get("href") for link in first.findall("x:link", ns)}
    assert set(links) == {"de", "en", "uk", "x-default"}
    assert client.get("/en/sitemap.xml").status_code == 404
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /en/partner/verwalten/" in robots and "Disallow: /partner/verwalten/" in robots


def test_the_installations_own_domain_stays_german(client, settings):
    from buendnis.models import Domain

    settings.SERVICE_DOMAIN = "service.localhost"
    Domain.objects.create(alliance=Alliance.current(), name="testserver", is_primary=True)
    response = client.get("/", HTTP_HOST="service.localhost", HTTP_ACCEPT_LANGUAGE="en", **BROWSER)
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()
    assert response["Content-Language"] == "de"
