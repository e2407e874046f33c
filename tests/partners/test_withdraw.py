import pytest
from django.core import mail

from partners import coordination, links, services
from partners.models import Partner, Signature
from tests.factories import PartnerFactory
from tests.partners.conftest import sign_data


@pytest.fixture
def partner(declaration):
    partner = PartnerFactory(
        name="Bäckerei Korn",
        contact_email="korn@example.org",
        contact_phone="0123",
        founding_partner=True,
    )
    Signature.objects.update(signed_by="Max Kontakt")
    return partner


def test_withdraw_asks_first_and_get_changes_nothing(client, partner):
    url = links.management_path(partner) + "austreten/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Ja, wir treten aus" in response.content.decode()
    assert Partner.objects.active().exists()


def test_withdraw_ends_period_erases_contact_and_notifies(client, partner):
    url = links.management_path(partner)
    response = client.post(url + "austreten/")
    assert response.status_code == 302
    assert response["Location"] == "/partner/verwalten/ausgetreten/"

    partner.refresh_from_db()
    signature = partner.signatures.get()
    assert signature.withdrawn_at is not None
    assert signature.confirmed_at is not None  # the record of membership stays
    assert signature.signed_by == ""
    assert (partner.contact_name, partner.contact_email, partner.contact_phone) == ("", "", "")
    assert partner.name == "Bäckerei Korn"
    assert Partner.objects.withdrawn().get() == partner

    goodbye, coordinator = mail.outbox
    assert goodbye.to == ["korn@example.org"]
    assert "Austritt" in goodbye.subject
    assert "Max Kontakt" in goodbye.body
    assert coordinator.to == ["koordination@example.org"]
    assert "Austritt: Bäckerei Korn" in coordinator.subject

    # Gone from every public page at once.
    assert client.get(partner.get_absolute_url()).status_code == 404
    assert "Bäckerei Korn" not in client.get("/partner/").content.decode()
    assert "Bäckerei Korn" not in client.get("/").content.decode()
    assert "ausgetreten" in client.get(response["Location"]).content.decode()

    # The link has done its job.
    for path in (url, url + "austreten/"):
        assert client.post(path).status_code == 410
    assert Signature.objects.count() == 1


def test_withdrawn_partner_can_sign_again(client, partner):
    services.withdraw(partner)
    mail.outbox.clear()
    client.post("/buendniserklaerung/unterzeichnen/", sign_data(name="Bäckerei Korn"))
    sign_up = Partner.objects.get(possible_duplicate=partner)
    link = mail.outbox[0].body.split("http://testserver")[1].split()[0]
    client.post(link)
    assert not Partner.objects.public().exists()  # waits for the coordination
    coordination.continue_existing(sign_up)
    assert Partner.objects.get() == partner
    partner.refresh_from_db()
    assert partner.signatures.count() == 2
    assert Partner.objects.public().get() == partner
    assert partner.signatures.active().count() == 1
    assert partner.signatures.filter(withdrawn_at__isnull=False).count() == 1
    assert partner.founding_partner is True


def test_withdraw_twice_does_nothing(partner):
    assert services.withdraw(partner) is not None
    assert services.withdraw(partner) is None
