"""The start checklist of a new alliance's coordinator in Chromium, on a laptop and on a
phone: readable, axe-clean, each link leads to the place to do it."""

from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model

from buendnis.models import Page
from buendnis.tenancy import activate
from cockpit import alliances
from tests.support.otp import sign_in
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def new_coordinator(role_groups, alliance):
    nordheim, _link = alliances.create_alliance(
        name="Bündnis für Familie Nordheim", domain="nordheim.localhost",
        admin_email="k@nordheim.example.org",
    )
    with activate(nordheim):
        user = get_user_model().objects.get(username="k@nordheim.example.org")
        user.set_password("ein-langes-passwort-123")
        user.save()
        user.impressum = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    return user


@pytest.mark.parametrize("width", [1366, 390])
def test_the_new_coordinator_sees_her_checklist(page, live_server, new_coordinator, axe, width):
    base = f"http://nordheim.localhost:{urlparse(live_server.url).port}"
    sign_in(page, new_coordinator, base)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base}/verwaltung/")
    checklist = page.locator("#start-checklist")
    checklist.get_by_text("0 von 9 Schritten erledigt.").wait_for()
    assert checklist.locator("li").count() == 9
    axe(page)
    shot(page, f"checklist-{width}", full_page=False)
    checklist.get_by_role("link", name="Angaben ausfüllen und veröffentlichen").first.click()
    page.wait_for_url(f"**/verwaltung/buendnis/page/{new_coordinator.impressum.pk}/change/")
    assert page.get_by_role("heading", name="Pflichtangaben").is_visible()
