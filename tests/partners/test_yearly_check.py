import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import PartnerFactory
from tests.support.admin_forms import assert_management_link


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("yearly_check", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_partners_not_confirmed_for_a_year_get_a_personal_link():
    now = timezone.now()
    PartnerFactory(
        name="Geprüft",
        contact_email="geprueft@example.org",
        entry_confirmed_at=now - datetime.timedelta(days=300),
    )
    overdue = PartnerFactory(
        name="Überfällig",
        contact_email="ueberfaellig@example.org",
        entry_confirmed_at=now - datetime.timedelta(days=366),
    )
    never = PartnerFactory(name="Nie bestätigt", contact_email="nie@example.org")
    PartnerFactory(name="Ohne Adresse", contact_email="")
    PartnerFactory(
        name="Unbestätigt",
        pending=True,
        contact_email="unbestaetigt@example.org",
    )
    PartnerFactory(
        name="Ausgetreten",
        withdrawn=True,
        contact_email="weg@example.org",
    )

    out, err = run()

    assert sorted(message.to[0] for message in mail.outbox) == ["nie@example.org", "ueberfaellig@example.org"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert_management_link(by_address["ueberfaellig@example.org"].body, overdue)
    assert_management_link(by_address["nie@example.org"].body, never)
    assert "Nie bestätigt" in by_address["nie@example.org"].body
    assert "Bitte prüfen Sie Ihren Eintrag" in by_address["nie@example.org"].subject
    assert "2 Partner erinnert, 1 ohne E-Mail-Adresse" in out
    assert "Ohne Adresse" in err


def test_dry_run_sends_nothing():
    PartnerFactory(name="Nie bestätigt", contact_email="nie@example.org")
    out, _err = run("--dry-run")
    assert not mail.outbox
    assert "fällig: Nie bestätigt <nie@example.org>" in out
