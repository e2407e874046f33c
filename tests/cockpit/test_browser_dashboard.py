"""The dashboard as the coordinator sees it, on a laptop and on a phone."""

import pytest

from tests.factories import EventFactory, FieldOfActionFactory, PartnerFactory
from tests.support.otp import pass_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-passwort-123"


def log_in(page, coordinator):
    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill("koordination")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    pass_second_factor(page, coordinator)
    page.get_by_role("heading", name="Auf einen Blick").wait_for()
    # Measured once the page and its stylesheets have loaded (on a busy machine the heading
    # is there before the phone layout applies).
    page.wait_for_load_state("load")


@pytest.fixture
def figures(coordinator):
    FieldOfActionFactory(name="Familienfreundliche Arbeitswelt – Vereinbarkeit von Familie und Beruf")
    for number in range(3):
        PartnerFactory(name=f"Partner Nummer {number}")
    EventFactory(title="Bündnistreffen: Familienfreundlich in die Zukunft")


def header_lines(page):
    """How many lines each table header of the dashboard needs (1 = not broken)."""
    return page.eval_on_selector_all(
        "#cockpit thead th",
        """headers => headers.map(th => {
            const range = document.createRange();
            range.selectNodeContents(th);
            const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            return [th.textContent.trim(), lines.size];
        })""",
    )


def test_on_a_laptop_the_dashboard_uses_the_whole_width(page, coordinator, figures, axe):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, coordinator)

    width = page.eval_on_selector("#cockpit", "element => element.getBoundingClientRect().width")
    assert width > 1100
    assert [label for label, lines in header_lines(page) if lines != 1] == []
    bullets = page.eval_on_selector_all(
        ".cockpit-numbers li", "items => items.map(li => getComputedStyle(li).listStyleType)"
    )
    assert bullets and set(bullets) == {"none"}
    # The app list and the recent actions share the row below the figures.
    main = page.eval_on_selector("#content-main", "element => element.getBoundingClientRect()")
    related = page.eval_on_selector("#content-related", "element => element.getBoundingClientRect()")
    assert related["left"] > main["left"] + main["width"] - 1
    axe(page)


def test_on_a_phone_every_figure_is_readable_without_scrolling_sideways(
    page, coordinator, figures, axe
):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, coordinator)

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Each date is a card that names its figures.
    card = page.locator("#cockpit tbody tr", has_text="Bündnistreffen").first
    assert card.locator("td[data-label='Zusagen (Personen)']").is_visible()
    assert page.eval_on_selector(
        "#cockpit tbody tr", "row => getComputedStyle(row).display"
    ) == "block"
    axe(page)
