"""The home, partner, event and registration pages in every language pass the Nu HTML
Checker (lang, dir and hreflang included) and axe, and work at 390 px."""

import pytest
from django.utils import translation

from tests.factories import EventFactory, PartnerFactory
from tests.support.nu import nu_errors

LANGUAGES = ["", "/en", "/tr", "/ar", "/uk"]


@pytest.fixture
def key_pages(alliance, declaration):
    partner = PartnerFactory(name="Bäckerei Korn")
    event = EventFactory(title="Sommerfest", slug="sommerfest", registration_open=True, capacity=20,
                         childcare_offered=True)
    with translation.override("de"):  # the German addresses, whichever language a request left active
        event_page = event.get_absolute_url()
        return ["/", partner.get_absolute_url(), event_page, f"{event_page}angemeldet/"]


def test_the_key_pages_in_every_language_pass_the_nu_html_checker(client, key_pages, tmp_path):
    documents = {}
    for prefix in LANGUAGES:
        for path in key_pages:
            response = client.get(prefix + path)
            assert response.status_code == 200, prefix + path
            documents[f"{prefix}{path}"] = response.content.decode()
    assert nu_errors(documents, tmp_path) == []


@pytest.mark.browser
def test_the_key_pages_in_every_language_pass_axe_and_fit_a_phone(page, axe, key_pages):
    for prefix in LANGUAGES:
        for path in key_pages:
            page.set_viewport_size({"width": 1366, "height": 900})
            page.goto(prefix + path)
            axe(page)
            page.set_viewport_size({"width": 390, "height": 844})
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, prefix + path
            switch = page.locator(".language-switch")
            assert switch.is_visible()
            assert switch.get_by_role("link").count() == 5
    page.goto("/ar/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.locator(".language-switch").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert not page.foreign_requests
