"""The coordinator's partner workflows, clicked through in the admin."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from partners.models import Partner
from tests.factories import PartnerFactory, SigningSessionFactory
from tests.support.otp import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_paper_signature_from_the_founding_event_then_a_withdrawal_by_letter(
    page, coordinator, declaration, axe
):
    sign_in(page, coordinator)
    page.goto("/verwaltung/partners/partner/papier/")
    page.get_by_label("Name der Organisation").fill("Kirchengemeinde St. Marien")
    page.get_by_label("Art der Organisation").select_option(label="Kirche/Religionsgemeinschaft")
    page.get_by_label("unterzeichnet am").fill("2017-11-08")
    page.get_by_label("Gründungspartner").check()
    axe(page)
    page.get_by_role("button", name="Unterzeichnung erfassen").click()
    page.get_by_text("Papier-Unterzeichnung von „Kirchengemeinde St. Marien“ erfasst.").wait_for()

    page.get_by_role("link", name="Austritt eintragen (Brief, Anruf)").click()
    page.get_by_label("ausgetreten am").fill("2026-10-31")
    axe(page)
    page.get_by_role("button", name="Austritt eintragen").click()
    page.get_by_text("Der Austritt von „Kirchengemeinde St. Marien“ ist eingetragen.").wait_for()

    partner = Partner.objects.get(name="Kirchengemeinde St. Marien")
    assert not partner.is_member and partner.founding_partner
    assert page.foreign_requests == []


def test_deciding_that_a_sign_up_continues_an_existing_record(page, coordinator, declaration, axe):
    former = PartnerFactory(name="Tischlerei Holzwurm", withdrawn=True, listed=False, contact_email="")
    new = PartnerFactory(
        name="tischlerei holzwurm", slug="tischlerei-holzwurm-2", possible_duplicate=former, listed=False
    )

    sign_in(page, coordinator)
    page.goto(f"/verwaltung/partners/partner/{new.pk}/change/")
    page.get_by_text("möglicherweise dieselbe Organisation wie „Tischlerei Holzwurm“").wait_for()
    page.get_by_role("link", name="Entscheiden").click()
    axe(page)
    page.get_by_role("button", name="Eintrag „Tischlerei Holzwurm“ fortsetzen").click()
    page.get_by_text("Die Unterzeichnung gehört jetzt zu „Tischlerei Holzwurm“").wait_for()

    assert re.search(rf"/partner/{former.pk}/change/$", page.url)
    former.refresh_from_db()
    assert former.signatures.count() == 2 and former.is_member
    assert not Partner.objects.filter(pk=new.pk).exists()


def test_signing_on_a_phone_in_the_hall(page, declaration, axe):
    now = timezone.now()
    session = SigningSessionFactory(
        title="Bündnistreffen 2026", starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(session.get_absolute_url())
    page.get_by_text("Unterzeichnung vor Ort: Bündnistreffen 2026").wait_for()
    axe(page)
    page.get_by_label("Name der Organisation").fill("Familienzentrum Lindenhof")
    page.get_by_label("Art der Organisation").select_option(label="Verein/Initiative")
    page.get_by_role("textbox", name="Ansprechperson*", exact=True).fill("Jana Beispiel")
    page.get_by_label("E-Mail der Ansprechperson").fill("jana@lindenhof.example.org")
    page.get_by_label("Wir unterzeichnen die Bündniserklärung").check()
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen.").check()
    page.get_by_role("button", name=re.compile("unterzeichnen", re.IGNORECASE)).click()
    page.get_by_role("heading", name="Eine E-Mail ist unterwegs").wait_for()
    assert mail.outbox[-1].to == ["jana@lindenhof.example.org"]
