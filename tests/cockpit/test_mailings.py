import pytest
from django.core import mail
from django.urls import reverse
from django_tasks import default_task_backend

from cockpit.models import Delivery, Mailing
from cockpit.tasks import send_mailing
from tests.factories import EventFactory, InvitationFactory, PartnerFactory, WorkingGroupFactory
from tests.support.accounts import staff_account
from tests.support.admin_forms import assert_management_link
from tests.support.cursors import no_open_cursors

ADD = reverse("admin:cockpit_mailing_add")


def mailing_data(**fields):
    return {
        "subject": "Einladung zum Sommerfest",
        "body": "Liebe Partner,\nwir feiern am 1. Juli – mit Kindern & Eltern.",
        "audience": "all_partners",
        "working_group": "",
        "event": "",
        **fields,
    }


def send(client, mailing):
    return client.post(reverse("admin:cockpit_mailing_send", args=[mailing.pk]), {"confirm": "yes"})


@pytest.fixture
def partners():
    return {
        "a": PartnerFactory(name="Apotheke", contact_email="apotheke@example.org"),
        "b": PartnerFactory(name="Bäckerei", contact_email="baeckerei@example.org"),
        # Same address as the Apotheke, in other case: gets no second copy.
        "c": PartnerFactory(name="Apotheke Filiale", contact_email="Apotheke@Example.org"),
        "no_email": PartnerFactory(name="Ohne Adresse", contact_email=""),
        "unconfirmed": PartnerFactory(name="Unbestätigt", pending=True),
        "withdrawn": PartnerFactory(name="Ausgetreten", withdrawn=True),
    }


def test_coordinator_writes_previews_and_sends_to_all_active_partners(coordinator_client, partners):
    response = coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:cockpit_mailing_preview", args=[mailing.pk])

    preview = coordinator_client.get(response["Location"])
    assert preview.status_code == 200
    assert preview.context["recipient_count"] == 2
    assert "mit Kindern & Eltern" in preview.context["preview"]["body"]
    assert not mail.outbox

    response = send(coordinator_client, mailing)
    assert response.status_code == 302
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT and mailing.sent_at
    assert sorted(message.to[0] for message in mail.outbox) == [
        "apotheke@example.org",
        "baeckerei@example.org",
    ]
    by_address = {message.to[0]: message for message in mail.outbox}
    message = by_address["baeckerei@example.org"]
    assert message.subject == "Einladung zum Sommerfest"
    assert "mit Kindern & Eltern" in message.body
    assert_management_link(message.body, partners["b"])
    assert "Bäckerei" in message.body
    # The record: who got what, and when.
    deliveries = Delivery.objects.filter(mailing=mailing).order_by("email")
    assert [(d.email, d.partner.name) for d in deliveries] == [
        ("apotheke@example.org", "Apotheke"),
        ("baeckerei@example.org", "Bäckerei"),
    ]
    assert all(delivery.sent_at for delivery in deliveries)
    assert mailing.created_by.username == "koordination"


def test_mailing_to_a_working_group_reaches_only_its_members(coordinator_client, partners, field):
    group = WorkingGroupFactory(name="AG Pflege", field_of_action=field)
    group.members.set([partners["b"], partners["unconfirmed"]])
    coordinator_client.post(ADD, mailing_data(audience="working_group", working_group=group.pk))
    send(coordinator_client, Mailing.objects.get())
    assert [message.to for message in mail.outbox] == [["baeckerei@example.org"]]


def test_mailing_to_an_events_invitees(coordinator_client, partners):
    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners["a"])
    InvitationFactory(event=event, partner=partners["c"])
    EventFactory(title="Anderes").invitations.create(partner=partners["b"])
    coordinator_client.post(ADD, mailing_data(audience="event", event=event.pk))
    send(coordinator_client, Mailing.objects.get())
    assert [message.to for message in mail.outbox] == [["apotheke@example.org"]]


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"subject": ""}, "subject"),
        ({"subject": "   "}, "subject"),
        ({"body": ""}, "body"),
        ({"body": " \n "}, "body"),
        ({"audience": "working_group"}, "working_group"),
        ({"audience": "event"}, "event"),
    ],
)
def test_incomplete_mailing_is_refused(coordinator_client, partners, fields, field):
    response = coordinator_client.post(ADD, mailing_data(**fields))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Mailing.objects.exists()


def test_sending_runs_in_the_background_task(coordinator_client, partners, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    send(coordinator_client, mailing)
    mailing.refresh_from_db()
    # The request only queued the task; nothing was sent yet.
    assert mailing.status == Mailing.Status.QUEUED
    assert not mail.outbox
    [result] = [r for r in default_task_backend.results if r.task.name == send_mailing.name]
    assert result.args == [mailing.alliance_id, mailing.pk]
    send_mailing.call(*result.args)
    assert len(mail.outbox) == 2
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_running_the_task_again_sends_no_second_copy(coordinator_client, partners, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    send(coordinator_client, mailing)
    with no_open_cursors():  # a long run holds no cursor between the chunks of recipients
        send_mailing.call(mailing.alliance_id, mailing.pk)
    # A restarted worker runs the same task again.
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.QUEUED)
    send_mailing.call(mailing.alliance_id, mailing.pk)
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(mailing=mailing).count() == 2


def test_sent_mailing_cannot_be_sent_again_or_changed(coordinator_client, partners):
    coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    send(coordinator_client, mailing)
    send(coordinator_client, mailing)
    assert len(mail.outbox) == 2
    change = reverse("admin:cockpit_mailing_change", args=[mailing.pk])
    response = coordinator_client.post(change, mailing_data(subject="Geändert"))
    assert response.status_code == 403
    mailing.refresh_from_db()
    assert mailing.subject == "Einladung zum Sommerfest"
    # Read-only view and the record of deliveries stay available.
    assert coordinator_client.get(change).status_code == 200
    deliveries = coordinator_client.get(
        reverse("admin:cockpit_delivery_changelist") + f"?mailing__id__exact={mailing.pk}"
    )
    assert "baeckerei@example.org" in deliveries.content.decode()


def test_send_needs_post_and_permission(client, coordinator_client, partners, django_user_model):
    coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    url = reverse("admin:cockpit_mailing_send", args=[mailing.pk])
    assert coordinator_client.get(url).status_code == 405
    user = staff_account("ohne", password="x", is_staff=True)
    client.force_login(user)
    assert client.post(url).status_code == 403
    assert client.get(reverse("admin:cockpit_mailing_preview", args=[mailing.pk])).status_code == 403
    assert not mail.outbox


def test_mailing_without_recipients_is_not_sent(coordinator_client, field):
    group = WorkingGroupFactory(name="Leere AG", field_of_action=field)
    coordinator_client.post(ADD, mailing_data(audience="working_group", working_group=group.pk))
    mailing = Mailing.objects.get()
    preview = coordinator_client.get(reverse("admin:cockpit_mailing_preview", args=[mailing.pk]))
    assert preview.context["recipient_count"] == 0
    send(coordinator_client, mailing)
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.DRAFT


def test_dashboard_offers_a_mailing_to_an_events_invitees(coordinator_client, partners):
    event = EventFactory(title="Plenum")
    InvitationFactory(event=event, partner=partners["a"])
    html = coordinator_client.get("/verwaltung/").content.decode()
    link = f"{ADD}?audience=event&amp;event={event.pk}"
    assert link in html
    form = coordinator_client.get(f"{ADD}?audience=event&event={event.pk}").context["adminform"].form
    assert form.initial["audience"] == "event" and str(form.initial["event"]) == str(event.pk)


def test_a_draft_can_be_corrected_before_sending(coordinator_client, partners):
    coordinator_client.post(ADD, mailing_data())
    mailing = Mailing.objects.get()
    change = reverse("admin:cockpit_mailing_change", args=[mailing.pk])
    response = coordinator_client.post(change, mailing_data(subject="Korrigiert"))
    assert response["Location"] == reverse("admin:cockpit_mailing_preview", args=[mailing.pk])
    mailing.refresh_from_db()
    assert mailing.subject == "Korrigiert" and mailing.is_draft
