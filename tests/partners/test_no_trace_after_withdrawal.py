"""After a withdrawal nothing of the contact person remains anywhere in the database."""

import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from cockpit import mailings
from partners.models import Partner
from tests.factories import MailingFactory
from tests.partners.conftest import links_in, sign_data
from tests.support.tasks import run_background_tasks

ADDRESS = "erika.muster@post.example.net"
NAME = "Erika Muster"
PHONE = "01234 / 56 78"


def whole_database():
    out = io.StringIO()
    call_command("dumpdata", stdout=out, indent=0)
    return out.getvalue()


def test_a_dump_of_the_whole_database_finds_neither_address_nor_name(
    client, coordinator_client, declaration, database_tasks
):
    # Signing up: rate-limit counters, a stored task, the history of the entry.
    data = sign_data(contact_email=ADDRESS, contact_name=NAME, contact_phone=PHONE)
    client.post("/buendniserklaerung/unterzeichnen/", data)
    client.post(links_in(mail.outbox[0])[0])
    run_background_tasks()
    partner = Partner.objects.get()
    # A mailing reached the contact person: its delivery log holds the address.
    mailing = MailingFactory(subject="Einladung", body="Hallo")
    mailings.send(mailing)
    # The coordinator looked at the entry and changed something (history, admin log).
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    coordinator_client.get(url)
    assert ADDRESS in whole_database() and NAME in whole_database()

    manage = next(link for link in links_in(mail.outbox[-1]) if link.startswith("/partner/verwalten/"))
    assert client.post(manage + "austreten/").status_code == 302

    dump = whole_database()
    for trace in (ADDRESS, "erika.muster", NAME, PHONE):
        assert trace not in dump, trace
    # The record of the membership period stays.
    assert '"withdrawn_at"' in dump and "Tischlerei Holzwurm" in dump
