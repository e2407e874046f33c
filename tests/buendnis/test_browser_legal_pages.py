"""The legal pages and the rich-text editor in Chromium: the coordinator fills in the
Impressum, publishes it after the preview and finds it on /impressum/; the editor loads
under the strict CSP; the legal-page forms pass axe on a laptop and on a phone."""

import pytest

from buendnis.models import Alliance, Page
from tests.support.otp import sign_in
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def draft_impressum(alliance):
    page = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    page.representative = page.responsible_body = page.content_responsible = ""
    page.published = False
    page.save()
    return page


def console_errors(page):
    errors = []
    page.on(
        "console",
        lambda message: message.type == "error"
        and errors.append(f"{page.url} {message.location} {message.text}"),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_the_coordinator_fills_in_the_impressum_publishes_it_and_sees_it(page, coordinator, draft_impressum):
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/buendnis/page/{draft_impressum.pk}/change/")
    # The profile's address is already there.
    assert page.get_by_label("Straße und Hausnummer").input_value() == Alliance.current().street
    page.get_by_label("Anbieter der Website").fill("Stadt Musterhausen – Bündnis für Familie")
    page.get_by_label("Vertreten durch").fill("Bürgermeisterin Erika Muster")
    page.get_by_role("button", name="Sichern und weiter bearbeiten").click()
    page.get_by_role("link", name="Vorschau und veröffentlichen").click()
    page.get_by_role("heading", name="Vorschau: Impressum").wait_for()
    shot(page, "impressum-preview-1366")
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    page.get_by_text("„Impressum“ ist veröffentlicht.").wait_for()
    page.goto("/impressum/")
    assert page.get_by_role("heading", name="Angaben gemäß § 5 DDG").is_visible()
    assert page.get_by_text("Bürgermeisterin Erika Muster").is_visible()
    assert page.locator("footer").get_by_role("link", name="Impressum").is_visible()
    shot(page, "impressum-public-1366")
    draft_impressum.refresh_from_db()
    assert draft_impressum.published


def test_publishing_with_gaps_is_refused_in_the_browser(page, coordinator, draft_impressum):
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/buendnis/page/{draft_impressum.pk}/change/")
    page.get_by_label("veröffentlicht").check()
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("Es fehlen: Vertreten durch.").wait_for()
    draft_impressum.refresh_from_db()
    assert not draft_impressum.published


def test_the_editor_loads_under_the_strict_csp_and_saves_formatted_text(page, coordinator, alliance):
    easy = Page.objects.get(slug=Page.Slug.ABOUT)
    page.add_init_script(RECORD_VIOLATIONS)
    errors = console_errors(page)
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/buendnis/page/{easy.pk}/change/")
    editor = page.get_by_role("textbox", name="Inhalt")
    editor.wait_for()
    assert page.locator("textarea[name=body]").is_hidden()  # no raw HTML to type
    # The menu speaks German.
    assert page.locator(".prose-menubar [data-name=bold]").get_attribute("title") == "Fett"
    assert page.locator(".prose-menubar [data-name=bulletList]").get_attribute("aria-label") == "Aufzählung"
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("Neu im Bündnis")
    shot(page, "editor-1366")
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("wurde erfolgreich geändert").wait_for()
    easy.refresh_from_db()
    assert "<strong>Neu im Bündnis</strong>" in easy.body
    assert page.evaluate("window.__cspViolations") == []
    assert [error for error in errors if "Content Security Policy" in error] == []
    assert errors == []


@pytest.mark.parametrize("width", [1366, 390])
def test_the_legal_page_forms_pass_axe(page, coordinator, alliance, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, coordinator)
    for slug in (Page.Slug.LEGAL_NOTICE, Page.Slug.PRIVACY, Page.Slug.ACCESSIBILITY):
        legal = Page.objects.get(slug=slug)
        page.goto(f"/verwaltung/buendnis/page/{legal.pk}/change/")
        page.locator(".prose-editor").wait_for()
        axe(page)
        shot(page, f"{slug}-form-{width}")
        page.goto(f"/verwaltung/buendnis/page/{legal.pk}/veroeffentlichen/")
        axe(page)
        shot(page, f"{slug}-preview-{width}")
