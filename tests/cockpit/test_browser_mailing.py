import pytest
from django.core import mail

from cockpit.models import Delivery, Mailing
from tests.factories import PartnerFactory, WorkingGroupFactory
from tests.support.admin_forms import assert_management_link
from tests.support.otp import pass_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-passwort-123"


def test_coordinator_sends_a_mailing_to_one_working_group(page, coordinator, axe, field):
    group = WorkingGroupFactory(name="AG Pflege", field_of_action=field)
    members = [PartnerFactory(name="Pflegedienst Sonne"), PartnerFactory(name="Sozialstation Nord")]
    group.members.set(members)
    PartnerFactory(name="Nicht in der AG")

    page.goto("/verwaltung/")
    page.get_by_label("Benutzername").fill("koordination")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    pass_second_factor(page, coordinator)  # Koordination users need the second factor
    page.get_by_role("heading", name="Auf einen Blick").wait_for()
    axe(page)

    page.get_by_role("link", name="Neue Rundmail schreiben").click()
    # The German fields; their translations wait in the collapsed "Übersetzung: …" sections.
    page.locator("#id_subject").fill("Nächstes Treffen der AG Pflege")
    page.locator("#id_body").fill("Wir treffen uns am 3. März im Rathaus.")
    page.get_by_label("Empfänger").select_option("working_group")
    page.get_by_label("Arbeitsgruppe").select_option(label="AG Pflege")
    page.get_by_role("button", name="Sichern", exact=True).click()

    page.get_by_role("heading", name="So sieht die E-Mail an").wait_for()
    assert "2 E-Mail-Adressen" in page.content()
    assert not mail.outbox
    axe(page)
    page.get_by_label("Ja, an 2 Adressen senden.").check()
    page.get_by_role("button", name="Jetzt versenden").click()
    page.get_by_text("wird im Hintergrund versandt").wait_for()

    assert sorted(message.to[0] for message in mail.outbox) == sorted(m.contact_email for m in members)
    for member in members:
        [message] = [m for m in mail.outbox if m.to == [member.contact_email]]
        assert message.subject == "Nächstes Treffen der AG Pflege"
        assert "Wir treffen uns am 3. März im Rathaus." in message.body
        assert_management_link(message.body, member)
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.SENT
    assert Delivery.objects.filter(mailing=mailing, sent_at__isnull=False).count() == 2
    assert page.foreign_requests == []
