"""One contact person's whole journey in the browser, links read from the sent e-mails."""

import io
import re

import pytest
from django.core import mail
from PIL import Image

from partners import coordination
from partners.models import Partner

pytestmark = pytest.mark.browser

NAME = "Tischlerei Holzwurm"


def _png():
    out = io.BytesIO()
    Image.new("RGB", (900, 300), "#2f7d4f").save(out, format="PNG")
    return {"name": "logo.png", "mimeType": "image/png", "buffer": out.getvalue()}


def _link_from_last_mail(live_server):
    body = mail.outbox[-1].body
    return re.search(rf"{re.escape(live_server.url)}/\S+/", body).group(0)


def _sign(page):
    page.get_by_label("Name der Organisation").fill(NAME)
    page.get_by_label("Art der Organisation").select_option(label="Unternehmen")
    page.get_by_label("Ort").fill("Musterhausen")
    page.get_by_label("Website").fill("https://holzwurm.example.org")
    page.get_by_label("So wirken wir mit").fill("Ferienjobs für Jugendliche.")
    page.locator("#id_contact_name").fill("Erika Muster")
    page.get_by_label("E-Mail der Ansprechperson").fill("erika@holzwurm.example.org")
    page.get_by_label("Wir unterzeichnen die Bündniserklärung").check()
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen.").check()
    page.get_by_role("button", name="Unterzeichnen und E-Mail anfordern").click()
    page.get_by_role("heading", name="Eine E-Mail ist unterwegs").wait_for()


def test_partner_lifecycle_in_the_browser(page, live_server, declaration, axe):
    page.goto("/")
    page.get_by_role("link", name="Partner werden").click()
    axe(page)

    # A mistake first: the form says what is wrong and keeps the input.
    page.get_by_label("Name der Organisation").fill(NAME)
    page.get_by_role("button", name="Unterzeichnen und E-Mail anfordern").click()
    page.get_by_role("alert").wait_for()
    assert page.get_by_label("Name der Organisation").input_value() == NAME
    axe(page)

    page.get_by_label("Logo").set_input_files(_png())
    _sign(page)
    page.goto(_link_from_last_mail(live_server))
    axe(page)
    page.get_by_role("button", name="Unterzeichnung bestätigen").click()
    page.get_by_role("heading", name=NAME, level=1).wait_for()
    assert page.get_by_text("Partner seit").is_visible()
    assert page.locator("img.partner-logo").count() == 1
    axe(page)

    page.goto("/partner/")
    axe(page)
    page.get_by_role("link", name=NAME).click()
    page.get_by_role("heading", name=NAME, level=1).wait_for()

    # Manage the entry with a link by e-mail.
    page.goto("/partner/verwalten/")
    page.get_by_label("E-Mail-Adresse der Ansprechperson").fill("erika@holzwurm.example.org")
    page.get_by_role("button", name="Link anfordern").click()
    page.get_by_role("heading", name="Bitte schauen Sie in Ihr Postfach").wait_for()
    page.goto(_link_from_last_mail(live_server))
    axe(page)
    page.get_by_label("So wirken wir mit").fill("Ferienjobs und ein Eltern-Kind-Büro.")
    page.get_by_role("button", name="Änderungen speichern").click()
    page.get_by_text("Ihre Änderungen sind gespeichert.").wait_for()

    # Withdraw after one confirmation.
    page.get_by_role("link", name="Austritt erklären").click()
    axe(page)
    page.get_by_role("button", name="Ja, wir treten aus").click()
    page.get_by_role("heading", name="Austritt erledigt").wait_for()
    page.goto("/partner/")
    assert page.get_by_role("link", name=NAME).count() == 0
    assert page.goto("/partner/tischlerei-holzwurm/").status == 404

    # And back again later: the name is known, so the coordination decides; it
    # continues the old record with a new membership period.
    page.goto("/buendniserklaerung/unterzeichnen/")
    _sign(page)
    page.goto(_link_from_last_mail(live_server))
    page.get_by_role("button", name="Unterzeichnung bestätigen").click()
    page.get_by_text("Im Verzeichnis steht schon eine Organisation mit diesem Namen.").wait_for()
    axe(page)
    coordination.continue_existing(Partner.objects.get(possible_duplicate__isnull=False))
    page.goto("/partner/tischlerei-holzwurm/")
    page.get_by_role("heading", name=NAME, level=1).wait_for()
    assert page.foreign_requests == []
