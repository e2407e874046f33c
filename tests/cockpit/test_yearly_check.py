import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.cockpit.helpers import assert_management_link


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("yearly_check", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_partners_not_confirmed_for_a_year_get_a_personal_link(make_partner):
    now = timezone.now()
    make_partner(
        "Geprüft", email="geprueft@example.org", entry_confirmed_at=now - datetime.timedelta(days=300)
    )
    overdue = make_partner(
        "Überfällig", email="ueberfaellig@example.org", entry_confirmed_at=now - datetime.timedelta(days=366)
    )
    never = make_partner("Nie bestätigt", email="nie@example.org")
    make_partner("Ohne Adresse", email="")
    make_partner("Unbestätigt", state="unconfirmed", email="unbestaetigt@example.org")
    make_partner("Ausgetreten", state="withdrawn", email="weg@example.org")

    out, err = run()

    assert sorted(message.to[0] for message in mail.outbox) == ["nie@example.org", "ueberfaellig@example.org"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert_management_link(by_address["ueberfaellig@example.org"].body, overdue)
    assert_management_link(by_address["nie@example.org"].body, never)
    assert "Nie bestätigt" in by_address["nie@example.org"].body
    assert "Bitte prüfen Sie Ihren Eintrag" in by_address["nie@example.org"].subject
    assert "2 Partner erinnert, 1 ohne E-Mail-Adresse" in out
    assert "Ohne Adresse" in err


def test_dry_run_sends_nothing(make_partner):
    make_partner("Nie bestätigt", email="nie@example.org")
    out, _err = run("--dry-run")
    assert not mail.outbox
    assert "fällig: Nie bestätigt <nie@example.org>" in out
