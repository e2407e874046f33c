"""The admin's PDF of minutes: drafts marked "Entwurf" on every page."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.factories import InvitationFactory
from tests.support.accounts import staff_account
from tests.support.pdfs import pdf_text, read_pdf
from tests.support.responses import assert_login_required, assert_not_found


@pytest.fixture
def coordinator(db):
    return User.objects.create_superuser("koordination", "k@example.org", "geheim-geheim-123")


def preview_url(minutes):
    return reverse("admin:events_minutes_pdf", args=[minutes.pk])


def test_change_page_and_list_offer_the_preview(client, alliance, coordinator, full_minutes):
    minutes = full_minutes(approved=False)
    client.force_login(coordinator)

    change = client.get(reverse("admin:events_minutes_change", args=[minutes.pk])).content.decode()
    changelist = client.get(reverse("admin:events_minutes_changelist")).content.decode()

    for page in (change, changelist):
        assert f'href="{preview_url(minutes)}"' in page
        assert "Vorschau als PDF (Entwurf)" in page


def test_draft_preview_is_marked_on_every_page(client, alliance, coordinator, full_minutes):
    minutes = full_minutes(approved=False, items=20)
    client.force_login(coordinator)

    response = client.get(preview_url(minutes))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="Protokoll-Entwurf-buendnistreffen-2025.pdf"'
    )
    assert "private" in response["Cache-Control"]
    reader = read_pdf(response.content)
    assert len(reader.pages) > 1
    for page in reader.pages:
        text = page.extract_text()
        assert "ENTWURF · Protokoll: Bündnistreffen 2025" in text
        assert "Entwurf – noch nicht freigegeben" in text
    assert "Tagesordnungspunkt Nummer 20" in pdf_text(response.content)


def test_approved_minutes_in_the_admin_carry_no_draft_mark(client, alliance, coordinator, full_minutes):
    minutes = full_minutes()
    client.force_login(coordinator)

    change = client.get(reverse("admin:events_minutes_change", args=[minutes.pk])).content.decode()
    text = pdf_text(client.get(preview_url(minutes)).content)

    assert "PDF ansehen" in change
    assert "Entwurf" not in text and "ENTWURF" not in text
    assert "Protokoll freigegeben am 2. April 2025" in text


def test_preview_needs_login_and_permission(client, alliance, full_minutes, role_groups):
    minutes = full_minutes(approved=False)

    assert_login_required(client.get(preview_url(minutes)))

    staff = staff_account("gast", "g@example.org", "geheim-geheim-123", is_staff=True)
    client.force_login(staff)
    # Without a role the minutes are outside the user's scope.
    assert_not_found(client.get(preview_url(minutes)))

    staff.groups.add(Group.objects.get(name="Steuerungsgruppe"))
    client.force_login(staff)  # the steering group logs in with the second factor
    response = client.get(preview_url(minutes))
    assert response.status_code == 200
    assert "Entwurf" in pdf_text(response.content)


def test_unknown_minutes_are_not_found(client, alliance, coordinator):
    client.force_login(coordinator)

    assert_not_found(client.get(reverse("admin:events_minutes_pdf", args=[999])))


def test_event_page_links_the_public_pdf(client, alliance, full_minutes, past_plenary):
    full_minutes()

    page = client.get(past_plenary.get_absolute_url()).content.decode()

    assert 'href="/termine/buendnistreffen-2025/protokoll.pdf"' in page


def test_invitation_page_links_the_pdf_through_the_personal_link(
    client,
    alliance,
    full_minutes,
    past_plenary,
):
    full_minutes()
    invitation = InvitationFactory(event=past_plenary, partner__name="Eingeladen e. V.")

    page = client.get(reverse("events:invitation", kwargs={"token": invitation.token}))

    url = reverse("events:invitation_minutes_pdf", kwargs={"token": invitation.token})
    assert f'href="{url}"' in page.content.decode()
    assert client.get(url).status_code == 200
