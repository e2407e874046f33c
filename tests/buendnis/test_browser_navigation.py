import pytest

pytestmark = pytest.mark.browser


def test_visitor_follows_every_navigation_and_footer_link(page, demo_data, axe, live_server):
    page.goto("/")
    axe(page)
    nav_links = page.locator("header nav a").evaluate_all("links => links.map(a => a.href)")
    footer_links = page.locator("footer nav a").evaluate_all("links => links.map(a => a.href)")
    assert len(nav_links) >= 1
    # Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Offene Daten
    assert [url.rsplit("/", 2)[1] for url in footer_links] == [
        "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "open-data",
    ]
    for url in nav_links + footer_links:
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("h1").count() == 1, url
        axe(page)
    assert page.foreign_requests == []


def test_skip_link_moves_focus_to_main_content(page, alliance):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#inhalt")


def test_small_screen_shows_navigation_without_javascript(browser, live_server, alliance):
    # A German visitor's browser, as the `page` fixture's: Chromium's own Accept-Language
    # (en-US) would send the first visit on to /en/.
    context = browser.new_context(
        java_script_enabled=False, locale="de-DE", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert page.get_by_role("link", name="Bündnis", exact=True).is_visible()
    context.close()
