"""`manage.py purge_personal_data`: the storage periods the privacy page states, enforced."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from cockpit import mailings
from cockpit.models import Delivery, Mailing
from events.models import Registration, Suggestion
from partners.models import Partner
from tests.factories import (
    EventFactory,
    MailingFactory,
    PartnerFactory,
    RegistrationFactory,
    SuggestionFactory,
)

DAY = datetime.timedelta(days=1)


def purge(*args):
    out = io.StringIO()
    call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def world(declaration, settings):
    now = timezone.now()
    old_event = EventFactory(title="Sommerfest 2025", starts_in=-91 * DAY, hours=2)
    recent_event = EventFactory(title="Herbstfest", starts_in=-30 * DAY)
    old = RegistrationFactory(event=old_event, name="Familie Alt", email="alt@example.org")
    recent = RegistrationFactory(event=recent_event, name="Familie Neu", email="neu@example.org")
    settled = SuggestionFactory(name="Anna", email="anna@example.org", public_answer="Danke!")
    Suggestion.objects.filter(pk=settled.pk).update(settled_at=now - 181 * DAY)
    fresh = SuggestionFactory(name="Bernd", email="bernd@example.org", public_answer="Danke!")
    open_one = SuggestionFactory(name="Clara", email="clara@example.org")
    Suggestion.objects.filter(pk=open_one.pk).update(created_at=now - 400 * DAY)
    partner = PartnerFactory(name="Empfänger GmbH", contact_email="post@empfaenger.example.org")
    mailing = MailingFactory(subject="Alt", body="…")
    mailings.send(mailing)
    Mailing.objects.filter(pk=mailing.pk).update(queued_at=now - 91 * DAY)
    stale = PartnerFactory(name="Nie bestätigt", pending=True, signed_at=now - 15 * DAY)
    return locals()


def test_dry_run_lists_and_deletes_nothing(world):
    output = purge("--dry-run")
    assert "Anmeldung zu „Sommerfest 2025“" in output
    assert "Herbstfest" not in output
    assert "Unbestätigte Unterzeichnung von „Nie bestätigt“" in output
    assert "4 Einträge würden gelöscht" in output
    assert Registration.objects.count() == 2
    assert Suggestion.objects.get(pk=world["settled"].pk).email == "anna@example.org"
    assert Delivery.objects.get().email == "post@empfaenger.example.org"
    assert Partner.objects.filter(name="Nie bestätigt").exists()


def test_it_deletes_what_is_due_and_only_that(world):
    output = purge()
    assert "4 Einträge gelöscht" in output
    assert list(Registration.objects.values_list("name", flat=True)) == ["Familie Neu"]
    settled = Suggestion.objects.get(pk=world["settled"].pk)
    assert (settled.name, settled.email, settled.text) == ("", "", world["settled"].text)
    assert Suggestion.objects.get(pk=world["fresh"].pk).email == "bernd@example.org"
    # An open suggestion keeps its sender, however old: the coordination still answers it.
    assert Suggestion.objects.get(pk=world["open_one"].pk).email == "clara@example.org"
    delivery = Delivery.objects.get()
    assert delivery.email == "" and delivery.partner == world["partner"]
    assert not Partner.objects.filter(name="Nie bestätigt").exists()


def test_running_it_twice_changes_nothing_the_second_time(world):
    purge()
    assert "0 Einträge gelöscht" in purge()


def test_the_periods_are_settings(world, settings):
    settings.REGISTRATION_RETENTION_DAYS = 10
    purge()
    assert not Registration.objects.exists()
