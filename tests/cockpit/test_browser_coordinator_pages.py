"""The pages of the coordinator's first weeks, each at 1366 and at 390 px: axe finds no
violation, and neither the page nor the partner table scrolls sideways (nothing cut off).
Dashboard, partner list, partner forms (adding from paper, changing), team page and the
three legal-page forms."""

import pytest

from buendnis.models import Page
from partners.models import Partner
from tests.factories import EventFactory, FieldOfActionFactory, PartnerFactory
from tests.support.otp import sign_in
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def first_weeks(alliance, declaration, coordinator, steering_member):
    FieldOfActionFactory(name="Familienfreundliche Arbeitswelt – Vereinbarkeit von Familie und Beruf")
    # Long words in the small print under the name ("Kirche/Religionsgemeinschaft") and a
    # long status ("ausgetreten") are what pushed the date column out on a phone.
    PartnerFactory(name="Evangelische Kirchengemeinde Musterhausen", kind=Partner.Kind.CHURCH,
                   town="Musterhausen")
    PartnerFactory(name="Agentur für Arbeit Musterhausen", kind=Partner.Kind.JOB_CENTRE,
                   town="Musterhausen")
    PartnerFactory(name="Fahrschule Weber", withdrawn=True, listed=False, town="Birkenfeld")
    EventFactory(title="Bündnistreffen: Familienfreundlich in die Zukunft")
    return PartnerFactory(name="Stadtwerke Musterhausen", town="Musterhausen")


def pages(partner):
    legal = Page.objects.filter(
        slug__in=[Page.Slug.LEGAL_NOTICE, Page.Slug.PRIVACY, Page.Slug.ACCESSIBILITY]
    ).order_by("pk")
    return [
        "/verwaltung/",
        "/verwaltung/partners/partner/",
        "/verwaltung/partners/partner/papier/",
        f"/verwaltung/partners/partner/{partner.pk}/change/",
        "/verwaltung/team/",
        *(f"/verwaltung/buendnis/page/{page.pk}/change/" for page in legal),
    ]


def editor_buttons_show_icons(page):
    """The editor's buttons show their icons (the package's icon font, from our own static
    files), not the font's ligature names ("format_bold") as text; German names for
    screen readers and as tooltips."""
    # A function, not an expression: Playwright evaluates an expression that is not yet
    # true again with `eval`, which the Content-Security-Policy refuses (failed when slow).
    page.wait_for_function(
        "() => [...document.fonts].some(f => f.family.includes('Material Icons') && f.status === 'loaded')"
    )
    bold = page.locator(".prose-menubar [data-name=bold]")
    assert bold.get_attribute("aria-label") == "Fett" and bold.get_attribute("title") == "Fett"
    assert bold.evaluate("button => button.getBoundingClientRect().width") < 48


@pytest.mark.parametrize("width", [1366, 390])
def test_the_coordinators_pages_pass_axe_and_fit(page, coordinator, first_weeks, axe, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, coordinator)
    for number, path in enumerate(pages(first_weeks)):
        page.goto(path)
        page.locator("#content").wait_for()
        if "/page/" in path:
            page.locator(".prose-editor").wait_for()
            editor_buttons_show_icons(page)
        axe(page)
        shot(page, f"coordinator-{number}-{width}")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, (path, scroll)
        if path.endswith("/partner/"):
            table = page.locator(".results").evaluate("box => [box.scrollWidth, box.clientWidth]")
            assert table[0] <= table[1], (width, table)
            assert "ausgetreten" in page.locator("#result_list").inner_text()
        if "/partner/" in path and path.endswith("/change/"):
            # The memberships: columns named, on a phone one card per membership.
            memberships = page.locator(".signature-inline")
            assert "unterzeichnet am" in memberships.inner_text().lower()
            box = memberships.evaluate("box => [box.scrollWidth, box.clientWidth]")
            assert box[0] <= box[1], (width, box)
