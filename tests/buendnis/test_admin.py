import pytest
from django.urls import reverse

from buendnis.models import Alliance, Domain, Milestone, Page
from tests.factories import AllianceFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_anonymous_admin_redirects_to_login(client):
    response = client.get("/verwaltung/")
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/login/")


def test_admin_login_works_and_is_headed_with_alliance_name(client, django_user_model):
    django_user_model.objects.create_superuser("koordination", "k@example.org", "ein-langes-passwort-123")
    response = client.post(
        "/verwaltung/login/?next=/verwaltung/",
        {"username": "koordination", "password": "ein-langes-passwort-123"},
        follow=True,
    )
    assert response.status_code == 200
    assert response.context["user"].is_authenticated
    assert "Bündnis für Familie Musterhausen" in response.content.decode()


def test_admin_login_refuses_wrong_password(client, django_user_model):
    django_user_model.objects.create_superuser("koordination", "k@example.org", "ein-langes-passwort-123")
    response = client.post(
        "/verwaltung/login/", {"username": "koordination", "password": "falsch"}
    )
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_alliance_cannot_be_added_twice_or_deleted(admin_client):
    assert admin_client.get(reverse("admin:buendnis_alliance_add")).status_code == 403
    alliance = Alliance.current()
    assert (
        admin_client.get(reverse("admin:buendnis_alliance_delete", args=[alliance.pk])).status_code
        == 403
    )
    response = admin_client.post(
        reverse("admin:buendnis_alliance_changelist"),
        {"action": "delete_selected", "_selected_action": [alliance.pk]},
    )
    assert Alliance.objects.count() == 1
    # The list redirects to the one profile.
    response = admin_client.get(reverse("admin:buendnis_alliance_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:buendnis_alliance_change", args=[alliance.pk])


def test_the_admin_shows_only_its_own_alliance_profile(admin_client):
    Domain.objects.create(alliance=Alliance.current(), name="testserver", is_primary=True)
    other = AllianceFactory(name="Zweites Bündnis", slug="zweites", domain=False)
    Domain.objects.create(alliance=other, name="zweites.example.org", is_primary=True)
    url = reverse("admin:buendnis_alliance_change", args=[other.pk])
    response = admin_client.get(url)
    # The admin of this host does not know the other alliance's profile.
    assert response.status_code == 404
    assert "Zweites Bündnis" not in response.content.decode()


def test_coordinator_edits_profile_and_site_shows_it(admin_client, client):
    alliance = Alliance.current()
    url = reverse("admin:buendnis_alliance_change", args=[alliance.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data.update(
        {
            "name": "Lokales Bündnis für Familie Beispielstadt",
            "short_name": "Bündnis Beispielstadt",
            "founding_date": "08.11.2017",
            "moderate_new_partners": "",
            "logo": "",
        }
    )
    data = {key: value for key, value in data.items() if value is not False}
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Lokales Bündnis für Familie Beispielstadt" in client.get("/").content.decode()


def test_admin_edits_milestones_and_pages(admin_client):
    response = admin_client.post(
        reverse("admin:buendnis_milestone_add"),
        {"date": "01.02.2025", "date_label": "", "title": "Zehntes Plenum", "text": "Bilanz"},
    )
    assert response.status_code == 302
    assert Milestone.objects.filter(title="Zehntes Plenum").exists()
    page = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    response = admin_client.post(
        reverse("admin:buendnis_page_change", args=[page.pk]),
        {
            "title": "Impressum", "body": "<p>Neu</p>", "published": "on",
            "responsible_body": "Stadt Musterhausen", "street": "Marktplatz 1",
            "postal_code": "12345", "town": "Musterhausen", "representative": "Erika Muster",
            "contact_email": "info@example.org",
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == "<p>Neu</p>"
