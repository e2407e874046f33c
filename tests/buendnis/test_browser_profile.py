"""The profile form in Chromium: sections with their help, the logo as a picture, the
free texts in the editor; axe-clean on a laptop and on a phone."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from tests.support.otp import sign_in
from tests.support.screenshots import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_the_profile_in_sections_with_the_logo_as_a_picture(page, coordinator, alliance, axe, width):
    image = io.BytesIO()
    Image.new("RGB", (240, 120), "#336699").save(image, format="PNG")
    alliance.logo.save("logo.png", ContentFile(image.getvalue()))
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, coordinator)
    page.goto(f"/verwaltung/buendnis/alliance/{alliance.pk}/change/")
    page.get_by_role("heading", name="Anschrift und Kontakt").wait_for()
    thumbnail = page.get_by_role("img", name="Bisheriges Bild")
    assert thumbnail.is_visible()
    assert thumbnail.evaluate("img => img.naturalWidth") == 240  # loaded, not broken
    assert page.get_by_text("logos/").count() == 0
    assert page.locator(".prose-editor").count() >= 4  # the texts shown open
    axe(page)
    shot(page, f"profile-{width}")
