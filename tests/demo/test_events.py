import datetime

from django.core.management import call_command

from events.models import Event, Invitation, Minutes
from partners.models import Partner


def test_demo_dates(demo_data, client):
    founding = Event.objects.get(kind=Event.Kind.FOUNDING)
    assert founding.starts_at.date() == datetime.date(2017, 11, 8)
    assert founding.minutes.is_approved
    plenaries = Event.objects.filter(kind=Event.Kind.PLENARY)
    assert plenaries.past().filter(minutes__isnull=False).count() == 2
    upcoming = plenaries.upcoming().get()
    assert upcoming.can_register and upcoming.childcare_offered
    # Every active partner (from the partners demo, which runs first) is invited.
    active_partners = Partner.objects.active().count()
    assert upcoming.invitations.count() == active_partners
    replies = upcoming.invitations.exclude(reply=Invitation.Reply.PENDING).count()
    assert replies >= min(active_partners, 2)
    assert upcoming.registrations.filter(childcare_needed=True).exists()

    for url in ("/termine/", "/termine/archiv/", founding.get_absolute_url(),
                upcoming.get_absolute_url(), "/termine/kalender.ics", "/"):
        assert client.get(url).status_code == 200
    assert "Unterzeichnung der Gründungsurkunde" in client.get(
        founding.get_absolute_url()
    ).content.decode()


def test_demo_is_idempotent(demo_data):
    counts = (Event.objects.count(), Minutes.objects.count(), Invitation.objects.count())
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))
    assert (Event.objects.count(), Minutes.objects.count(), Invitation.objects.count()) == counts
