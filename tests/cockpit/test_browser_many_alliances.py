"""Many alliances in the browser: the Servicestelle creates one, its coordinator takes
it over, families find it, and each alliance is on its own host."""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis.models import Domain
from tests.support.otp import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-passwort-123"
NEW_PASSWORD = "Ein Satz, den ich mir merke 2026"


def on(host, live_server, path="/"):
    return f"http://{host}:{urlparse(live_server.url).port}{path}"


def test_the_servicestelle_creates_an_alliance_that_its_coordinator_takes_over(
    page, live_server, settings, alliance, axe
):
    settings.SERVICE_DOMAIN = "service.localhost"
    Domain.objects.create(alliance=alliance, name="localhost")
    operator = get_user_model().objects.create_superuser("betrieb", "b@example.org", PASSWORD)

    # The Servicestelle logs in on the installation's own domain and creates Nordheim.
    page.goto(on("service.localhost", live_server, "/verwaltung/"))
    page.get_by_label("Benutzername").fill("betrieb")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Zwei-Faktor-Anmeldung einrichten").wait_for()
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=operator))
    )
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.get_by_role("link", name="Bündnisse", exact=True).first.click()
    page.get_by_role("heading", name="Bündnisse", level=1).wait_for()
    axe(page)
    page.get_by_role("link", name=re.compile("hinzufügen", re.IGNORECASE)).first.click()
    page.get_by_label("Name").fill("Bündnis für Familie Nordheim")
    page.get_by_label("Hauptdomain").fill("nordheim.localhost")
    page.get_by_label("E-Mail der Koordination").fill("koordination@nordheim.example.org")
    axe(page)
    page.get_by_role("button", name="Bündnis anlegen").click()
    page.get_by_text("„Bündnis für Familie Nordheim“ ist angelegt").wait_for()

    # The coordinator follows the invitation on Nordheim's own domain.
    [invitation] = mail.outbox
    link = re.search(r"http://nordheim\.localhost:\d+/verwaltung/zugang/\S+", invitation.body).group(0)
    page.goto(link)
    page.get_by_role("heading", name="Willkommen im Bündnisportal").wait_for()
    axe(page)
    page.get_by_label("Passwort:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passwort wiederholen:").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Passwort festlegen").click()
    page.get_by_role("link", name="Zur Anmeldung").click()
    page.get_by_label("Benutzername").fill("koordination@nordheim.example.org")
    page.get_by_label("Passwort").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    coordinator = get_user_model().objects.get(username="koordination@nordheim.example.org")
    page.get_by_role("heading", name="Zwei-Faktor-Anmeldung einrichten").wait_for()
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=coordinator))
    )
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.get_by_role("heading", name="Ersatzcodes für die Zwei-Faktor-Anmeldung").wait_for()
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    page.wait_for_url(on("nordheim.localhost", live_server, "/verwaltung/"))
    page.get_by_text("Verwaltung – Bündnis für Familie Nordheim").wait_for()
    axe(page)

    # Nordheim's portal is its own; the demo alliance is still on localhost.
    page.goto(on("nordheim.localhost", live_server))
    page.get_by_role("link", name="Bündnis für Familie Nordheim").first.wait_for()
    page.goto(on("localhost", live_server))
    page.get_by_text(alliance.display_name).first.wait_for()
    # The coordinator of Nordheim is not logged in at Musterhausen.
    page.goto(on("localhost", live_server, "/verwaltung/"))
    page.get_by_label("Benutzername").wait_for()
    assert page.foreign_requests == []


def test_a_family_finds_its_alliance(page, live_server, settings, alliance, axe):
    settings.SERVICE_DOMAIN = "service.localhost"
    Domain.objects.create(alliance=alliance, name="musterhausen.localhost", is_primary=True)
    page.goto(on("service.localhost", live_server))
    axe(page)
    page.get_by_label("Ort, Postleitzahl oder Landkreis").fill("Musterhausen")
    page.get_by_role("button", name="Bündnis suchen").click()
    page.get_by_role("heading", name="1 Bündnis gefunden").wait_for()
    axe(page)
    page.get_by_role("link", name=alliance.name).click()
    page.wait_for_url(on("musterhausen.localhost", live_server))
    page.get_by_role("link", name="Partner", exact=True).first.wait_for()
    assert page.foreign_requests == []
