"""Leichte Sprache in Chromium: one click from the partner list to the home page in
Leichte Sprache, and on from there; axe finds nothing on a laptop and on a phone; the
header link is visible and usable at 390 px."""

import pytest

from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_one_click_from_the_partner_list_to_leichte_sprache(page, demo_data, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/partner/")
    link = page.locator("header").get_by_role("link", name="Leichte Sprache")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # not cut off on a phone
    assert box["height"] >= 24  # large enough to tap
    link.click()
    page.wait_for_url("**/leichte-sprache/")
    assert page.locator("h1").inner_text() == "Leichte Sprache"
    assert page.locator("article.easy-read").get_attribute("lang") == "de"
    axe(page)
    shot(page, f"leichte-sprache-{width}")
    # No line wider than the screen: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator(".easy-read-pages").get_by_role("link", name="Termine").click()
    page.wait_for_url("**/leichte-sprache/termine/")
    axe(page)
    shot(page, f"leichte-sprache-termine-{width}")
    page.get_by_role("link", name="Zur normalen Seite").click()
    page.wait_for_url("**/termine/")
    assert page.locator("h1").inner_text() == "Termine"
    assert page.get_by_role("link", name="Diese Seite in Leichter Sprache").is_visible()
    shot(page, f"termine-{width}")
    assert page.foreign_requests == []
