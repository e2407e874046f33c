"""The Content-Security-Policy refuses everything it does not name (default-src 'none').

Chromium reports every refused image, style, font, script, frame or request as a
`securitypolicyviolation` event; the public pages and the admin must cause none.
"""

import pytest

from partners.models import Partner
from tests.support.otp import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""


def violations(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


def test_public_pages_break_no_rule_of_the_policy(page, demo_data):
    page.add_init_script(RECORD_VIOLATIONS)
    partner = Partner.objects.exclude(slug="").first()
    paths = [
        "/",
        "/buendnis/",
        "/partner/",
        f"/partner/{partner.slug}/",
        "/buendniserklaerung/unterzeichnen/",
        "/projekte/",
        "/termine/",
        "/handlungsfelder/",
        "/verwaltung/login/",
    ]
    found = {path: violations(page, path) for path in paths}
    assert found == {path: [] for path in paths}


def test_admin_breaks_no_rule_of_the_policy(page, demo_data, django_user_model, live_server):
    admin = django_user_model.objects.create_superuser("chefin", "c@example.org", "x" * 20)
    sign_in(page, admin, live_server.url)
    page.add_init_script(RECORD_VIOLATIONS)
    partner = Partner.objects.first()
    paths = [
        "/verwaltung/",
        "/verwaltung/partners/partner/",
        f"/verwaltung/partners/partner/{partner.pk}/change/",
        "/verwaltung/arbeitsgruppen/project/add/",
        "/verwaltung/zwei-faktor/einrichten/",
        "/verwaltung/zwei-faktor/ersatzcodes/",
        "/verwaltung/team/",
        "/verwaltung/team/einladen/",
    ]
    found = {path: violations(page, path) for path in paths}
    assert found == {path: [] for path in paths}
