"""Change history of partners, membership periods and the declaration: who, when, what."""

from django.urls import reverse

from partners.models import Declaration, Signature
from tests.factories import PartnerFactory
from tests.support.admin_forms import edit


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
    # Who, in her words: the account's full name.
    assert "Alte Bäckerei" in html and "Neue Bäckerei" in html and "Maria Beispiel" in html


def test_contact_data_is_kept_out_of_the_history(coordinator_client):
    partner = PartnerFactory(name="Praxis", contact_email="geheim@example.org")
    edit(coordinator_client, "partners_partner", partner, contact_email="neu@example.org")
    for record in partner.history.all():
        assert not hasattr(record, "contact_email")


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
    assert "Maria Beispiel" in html and "Ausgetreten am" in html


def test_declaration_changes_are_recorded(coordinator_client, coordinator, declaration):
    edit(coordinator_client, "partners_declaration", declaration, title="Neue Erklärung")
    assert declaration.history.latest().history_user == coordinator


def test_fields_of_action_of_a_partner_are_in_its_history(coordinator_client, coordinator):
    from tests.factories import FieldOfActionFactory

    partner = PartnerFactory(name="Pflegedienst Sonne")
    care = FieldOfActionFactory(name="Beruf und Pflege")
    edit(coordinator_client, "partners_partner", partner, fields_of_action=[str(care.pk)])
    latest = partner.history.latest()
    assert latest.history_user == coordinator
    assert [row.fieldofaction for row in latest.fields_of_action.all()] == [care]
