
"""Change history: who changed what and when, with field-level diffs in the admin."""

import datetime

from django.urls import reverse

from buendnis.models import Alliance
from events.models import Minutes
from partners.models import Declaration, Signature
from tests.factories import EventFactory, PartnerFactory
from tests.support.admin_forms import change_form_data


def edit(client, admin_name, obj, **changes):
    change_url = reverse(f"admin:{admin_name}_change", args=[obj.pk])
    response = client.post(change_url, change_form_data(client.get(change_url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return change_url


def test_partner_change_is_recorded_with_user_and_diff(coordinator_client, coordinator):
    partner = PartnerFactory(name="Alte Bäckerei", town="Musterhausen")
    edit(coordinator_client, "partners_partner", partner, name="Neue Bäckerei", town="Beispielstadt")
    latest = partner.history.latest()
    assert latest.history_user == coordinator
    assert latest.history_type == "~"
    delta = latest.diff_against(latest.prev_record)
    assert {(c.field, c.old, c.new) for c in delta.changes} >= {
        ("name", "Alte Bäckerei", "Neue Bäckerei"),
        ("town", "Musterhausen", "Beispielstadt"),
    }
    page = coordinator_client.get(reverse("admin:partners_partner_history", args=[partner.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Alte Bäckerei" in html and "Neue Bäckerei" in html and "koordination" in html


def test_contact_data_is_kept_out_of_the_history(coordinator_client):
    partner = PartnerFactory(name="Praxis", contact_email="geheim@example.org")
    edit(coordinator_client, "partners_partner", partner, contact_email="neu@example.org")
    for record in partner.history.all():
        assert not hasattr(record, "contact_email")


def test_declaration_and_alliance_changes_are_recorded(coordinator_client, coordinator, declaration):
    edit(coordinator_client, "partners_declaration", declaration, title="Neue Erklärung")
    assert declaration.history.latest().history_user == coordinator
    alliance = Alliance.load()
    edit(coordinator_client, "buendnis_alliance", alliance, tagline="Familie zuerst")
    assert alliance.history.latest().history_user == coordinator
    assert alliance.history.latest().tagline == "Familie zuerst"
    diff = alliance.history.latest().diff_against(alliance.history.latest().prev_record)
    assert "tagline" in diff.changed_fields


def test_minutes_changes_are_recorded(coordinator_client, coordinator):
    event = EventFactory(title="Plenum", starts_in=datetime.timedelta(days=-3))
    minutes = Minutes.objects.create(event=event)
    edit(coordinator_client, "events_minutes", minutes, summary="Beschlüsse gefasst")
    latest = minutes.history.latest()
    assert latest.history_user == coordinator and latest.summary == "Beschlüsse gefasst"
    page = coordinator_client.get(reverse("admin:events_minutes_history", args=[minutes.pk]))
    assert "Beschlüsse gefasst" in page.content.decode()


def test_signature_changes_are_recorded(coordinator):
    partner = PartnerFactory(name="Kita")
    signature = Signature.objects.get(partner=partner)
    signature._history_user = coordinator
    signature.withdrawn_at = signature.confirmed_at
    signature.save()
    records = list(signature.history.all())
    assert [record.history_type for record in records] == ["~", "+"]
    assert records[0].history_user == coordinator
    assert Declaration.history.count() >= 1


def test_signature_history_is_viewable_read_only_in_the_admin(coordinator_client, coordinator):
    partner = PartnerFactory(name="Kita Regenbogen")
    signature = Signature.objects.get(partner=partner)
    signature._history_user = coordinator
    signature.withdrawn_at = signature.confirmed_at
    signature.save()
    change = coordinator_client.get(reverse("admin:partners_signature_change", args=[signature.pk]))
    assert change.status_code == 200 and not change.context["has_change_permission"]
    page = coordinator_client.get(reverse("admin:partners_signature_history", args=[signature.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "koordination" in html and "Ausgetreten am" in html
