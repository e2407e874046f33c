"""The whole life of a partner, through the views, as the contact person clicks it."""

from django.core import mail

from partners import coordination
from partners.models import Partner
from tests.partners.conftest import links_in, sign_data


def _link(message):
    [link] = links_in(message)
    return link


def test_sign_confirm_manage_withdraw_and_sign_again(client, declaration):
    # Sign.
    response = client.post("/buendniserklaerung/unterzeichnen/", sign_data(), follow=True)
    assert "E-Mail ist unterwegs" in response.content.decode()
    confirm_link = _link(mail.outbox[-1])

    # The link opens a page; only the POST confirms.
    assert "Unterzeichnung bestätigen" in client.get(confirm_link).content.decode()
    assert not Partner.objects.active().exists()
    response = client.post(confirm_link, follow=True)
    assert "<h1>Tischlerei Holzwurm</h1>" in response.content.decode()
    assert "Tischlerei Holzwurm" in client.get("/partner/").content.decode()

    # Manage: ask for a link, edit the entry.
    mail.outbox.clear()
    client.post("/partner/verwalten/", {"email": "erika@holzwurm.example.org"})
    manage_link = _link(mail.outbox[-1])
    form = client.get(manage_link).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(contribution="Jetzt auch mit Ferienbetreuung.", wants_listing="on")
    data.pop("fields_of_action", None)
    data.pop("logo", None)
    response = client.post(manage_link, data, follow=True)
    assert "Ihre Änderungen sind gespeichert." in response.content.decode()
    assert "Jetzt auch mit Ferienbetreuung." in client.get("/partner/tischlerei-holzwurm/").content.decode()

    # Withdraw.
    manage_link = response.redirect_chain[-1][0]
    assert "Ja, wir treten aus" in client.get(manage_link + "austreten/").content.decode()
    client.post(manage_link + "austreten/")
    assert client.get("/partner/tischlerei-holzwurm/").status_code == 404
    assert "Tischlerei Holzwurm" not in client.get("/partner/").content.decode()
    assert client.get(manage_link).status_code == 410

    # Sign again: the name is taken, so the sign-up waits for the coordination,
    # which continues the old record with a new membership period.
    mail.outbox.clear()
    client.post("/buendniserklaerung/unterzeichnen/", sign_data())
    client.post(_link(mail.outbox[-1]))
    former = Partner.objects.get(slug="tischlerei-holzwurm")
    sign_up = Partner.objects.get(possible_duplicate=former)
    assert not Partner.objects.public().exists()
    assert coordination.continue_existing(sign_up) == former
    assert former.signatures.count() == 2
    assert Partner.objects.public().get() == former
    assert client.get("/partner/tischlerei-holzwurm/").status_code == 200
