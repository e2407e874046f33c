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


def test_at_most_two_reminders_then_the_dashboard_lists_it_as_unreachable(coordinator_client):
    from partners.models import Partner

    silent = PartnerFactory(name="Schweigsam e. V.", contact_email="still@example.org")
    month = datetime.timedelta(days=31)

    run()
    assert len(mail.outbox) == 1
    run()  # the same month: no second mail
    assert len(mail.outbox) == 1
    Partner.objects.filter(pk=silent.pk).update(last_reminder_at=timezone.now() - month)
    run()
    assert len(mail.outbox) == 2
    Partner.objects.filter(pk=silent.pk).update(last_reminder_at=timezone.now() - month)
    out, _err = run()
    assert len(mail.outbox) == 2  # never a third one
    assert "1 nicht erreichbar" in out

    dashboard = coordinator_client.get("/verwaltung/")
    assert [partner.name for partner in dashboard.context["dashboard"]["unreachable_partners"]] == [
        "Schweigsam e. V."
    ]
    content = dashboard.content.decode()
    assert "Nicht erreichbar" in content and "Schweigsam e. V." in content
    # It is not counted twice as "overdue".
    assert dashboard.context["dashboard"]["numbers"]["overdue"] == 0


def test_confirming_the_entry_starts_the_count_again(client):
    from partners.links import management_path
    from partners.models import Partner

    partner = PartnerFactory(name="Wieder da", contact_email="da@example.org")
    Partner.objects.filter(pk=partner.pk).update(reminders_sent=2)
    client.post(management_path(partner) + "aktuell/")
    partner.refresh_from_db()
    assert partner.reminders_sent == 0 and partner.entry_confirmed_at is not None
