"""Approving and reversing entries from their confirmation pages."""

from decimal import Decimal

from django.urls import reverse

from finances.models import Entry
from tests.support.responses import assert_admin_page


def test_the_confirmation_shows_the_entry_then_the_post_approves(client, steering_member, year_2026):
    rent = year_2026["rent"]
    url = reverse("finances:approve_entry", args=[rent.pk])
    client.force_login(steering_member)
    page = client.get(url)
    assert_admin_page(page)
    assert "600,00\u00a0€" in page.content.decode() and "Ja, Ausgabe freigeben" in page.content.decode()
    rent.refresh_from_db()
    assert rent.approved_at is None  # GET changes nothing
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("finances:overview")
    rent.refresh_from_db()
    assert rent.approved_by == steering_member
    # The history says who approved, and when.
    record = rent.history.order_by("-history_date").first()
    assert record.history_user == steering_member and record.approved_at == rent.approved_at


def test_approving_ones_own_entry_is_refused_with_a_message(client, steering_member, year_2026):
    from finances import services

    own = services.book(
        Entry(direction="spending", booked_on="2026-08-01", amount=Decimal("700.00"),
              category=year_2026["material"]),
        steering_member,
    )
    client.force_login(steering_member)
    response = client.post(reverse("finances:approve_entry", args=[own.pk]))
    assert response.status_code == 400
    assert "Niemand gibt die eigene Buchung frei" in response.content.decode()
    own.refresh_from_db()
    assert own.approved_at is None


def test_the_coordinator_cannot_approve(coordinator_client, year_2026):
    rent = year_2026["rent"]
    page = coordinator_client.get(reverse("finances:approve_entry", args=[rent.pk])).content.decode()
    assert "Nur Mitglieder der Steuerungsgruppe" in page and "Ja, Ausgabe freigeben" not in page
    response = coordinator_client.post(reverse("finances:approve_entry", args=[rent.pk]))
    assert response.status_code == 400
    assert "Nur Mitglieder der Steuerungsgruppe" in response.content.decode()
    rent.refresh_from_db()
    assert rent.approved_at is None


def test_the_coordinator_reverses_an_entry_with_a_reason(coordinator_client, year_2026):
    flyer = year_2026["flyer"]
    url = reverse("finances:reverse_entry", args=[flyer.pk])
    assert_admin_page(coordinator_client.get(url))
    empty = coordinator_client.post(url, {"note": ""})
    assert empty.status_code == 400 and not Entry.objects.filter(reverses=flyer).exists()
    response = coordinator_client.post(url, {"note": "Rechnung doppelt"})
    storno = Entry.objects.get(reverses=flyer)
    assert response["Location"] == reverse("admin:finances_entry_change", args=[storno.pk])
    assert storno.amount == Decimal("-199.99") and storno.note == "Rechnung doppelt"
    again = coordinator_client.post(url, {"note": "noch einmal"})
    assert again.status_code == 400 and "bereits storniert" in again.content.decode()


def test_the_steering_group_does_not_book_stornos(client, steering_member, year_2026):
    client.force_login(steering_member)
    response = client.post(reverse("finances:reverse_entry", args=[year_2026["flyer"].pk]), {"note": "x"})
    assert response.status_code == 403


def test_an_entry_opens_read_only_with_its_next_steps(coordinator_client, year_2026):
    rent = year_2026["rent"]
    response = coordinator_client.get(reverse("admin:finances_entry_change", args=[rent.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "wartet auf Freigabe" in content
    assert reverse("finances:reverse_entry", args=[rent.pk]) in content
    assert 'name="amount"' not in content  # no field to change
    delete = coordinator_client.get(reverse("admin:finances_entry_delete", args=[rent.pk]))
    assert delete.status_code == 403
