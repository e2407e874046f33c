"""The Servicestelle and the alliance finder on the installation's own domain."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from buendnis.models import Account, Alliance, Domain, EasyReadPage, FieldOfAction, Page
from buendnis.tenancy import activate, scopes_disabled
from cockpit import alliances
from demo import alliances as demo_alliances
from partners.models import Declaration, Partner
from tests.factories import (
    AllianceFactory,
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    UserFactory,
    current_declaration,
)

SERVICE = "service.localhost"
PASSWORD = "Ein Satz, den ich mir merke 2026"


@pytest.fixture
def service(settings, alliance):
    settings.SERVICE_DOMAIN = SERVICE
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    return settings


@pytest.fixture
def operator(db):
    return get_user_model().objects.create_superuser("betrieb", "b@example.org", "ein-langes-passwort-123")


@pytest.fixture
def operator_client(client, operator):
    client.force_login(operator)
    client.defaults["HTTP_HOST"] = SERVICE
    return client


# --- the finder ---------------------------------------------------------------------------


@pytest.fixture
def landscape(service, declaration):
    """Musterhausen (testserver) with two partners, Nordheim with one, a suspended one."""
    PartnerFactory(name="Bäckerei Korn")
    PartnerFactory(name="Stadtwerke")
    nordheim = AllianceFactory(
        slug="nordheim", name="Bündnis für Familie Nordheim", town="Nordheim",
        region="Landkreis Nordheim-Ost", postal_codes="23456 23457",
    )
    with activate(nordheim):
        current_declaration()
        PartnerFactory(name="Stadtwerke")
        ProjectFactory(title="Ferienprogramm")
    AllianceFactory(slug="stillgelegt", name="Bündnis Stillgelegt", town="Nordheim").suspended_at = None
    Alliance.objects.filter(slug="stillgelegt").update(suspended_at="2026-01-01T00:00:00Z")
    return nordheim


@pytest.mark.parametrize("query", ["Nordheim", "nordheim-ost", "23457", "234"])
def test_families_find_their_alliance_by_town_postcode_or_landkreis(client, landscape, query):
    page = client.get("/", {"q": query}, HTTP_HOST=SERVICE).content.decode()
    assert 'href="http://nordheim.localhost/"' in page
    assert "Bündnis für Familie Nordheim" in page
    assert "Stillgelegt" not in page  # a suspended alliance is not found


def test_the_national_figures_are_counted_live(client, landscape):
    page = client.get("/", HTTP_HOST=SERVICE).content.decode()
    assert "2 Bündnisse mit 3 Partnern in 1 Projekten" in page
    PartnerFactory(name="Kita Sonnenschein")
    assert "4 Partnern" in client.get("/", HTTP_HOST=SERVICE).content.decode()


def test_the_national_figures_count_only_what_the_pages_show(client, landscape):
    hidden_field = FieldOfActionFactory(published=False)
    ProjectFactory(field_of_action=hidden_field)  # published, but its field of action is not
    PartnerFactory(listed=False)
    assert "2 Bündnisse mit 3 Partnern in 1 Projekten" in client.get("/", HTTP_HOST=SERVICE).content.decode()


def test_a_search_without_result_says_what_to_try(client, landscape):
    page = client.get("/", {"q": "Atlantis"}, HTTP_HOST=SERVICE).content.decode()
    assert "0 Bündnisse gefunden" in page and "nächsten größeren Stadt" in page


def test_the_service_domain_serves_no_alliance_page(client, landscape):
    assert client.get("/partner/", HTTP_HOST=SERVICE).status_code == 404
    assert "Bäckerei Korn" not in client.get("/", HTTP_HOST=SERVICE).content.decode()


# --- the Servicestelle ---------------------------------------------------------------------


def test_only_superusers_enter_the_servicestelle(client, service, coordinator):
    client.force_login(coordinator)
    response = client.get("/verwaltung/", HTTP_HOST=SERVICE)
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/login/")


def test_the_list_shows_each_alliances_figures_but_no_personal_data(operator_client, landscape):
    with activate(landscape):
        PartnerFactory(
            name="Familienzentrum", contact_email="geheim@example.org", contact_name="Erika Geheim"
        )
        # Counted as on the alliance's pages: not a draft, nor a project in a hidden field.
        ProjectFactory(title="Entwurf", published=False)
        ProjectFactory(title="Verborgen", field_of_action=FieldOfActionFactory(published=False))
    page = operator_client.get(reverse("admin:buendnis_alliance_changelist", urlconf="portal.urls_service"))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Bündnis für Familie Nordheim" in content and "nordheim.localhost" in content
    assert "stillgelegt" in content
    for personal in ("geheim@example.org", "Erika Geheim", "Familienzentrum", "Bäckerei Korn"):
        assert personal not in content
    row = re.search(r"Bündnis für Familie Nordheim.*?</tr>", content, re.S).group(0)
    assert re.search(r'field-partner_count[^>]*>2<', row) and re.search(r'field-project_count[^>]*>1<', row)


def test_creating_an_alliance_in_the_servicestelle(operator_client, service):
    url = reverse("admin:buendnis_alliance_add", urlconf="portal.urls_service")
    response = operator_client.post(url, {
        "name": "Bündnis für Familie Nordheim", "domain": "nordheim.localhost",
        "admin_email": "koordination@nordheim.example.org", "slug": "",
    })
    assert response.status_code == 302
    nordheim = Alliance.objects.get(slug="nordheim")
    assert nordheim.primary_domain == "nordheim.localhost"
    [invitation] = mail.outbox
    assert invitation.to == ["koordination@nordheim.example.org"]
    assert "http://nordheim.localhost/verwaltung/zugang/" in invitation.body


def test_a_taken_domain_is_refused_in_german(operator_client, service):
    url = reverse("admin:buendnis_alliance_add", urlconf="portal.urls_service")
    response = operator_client.post(url, {
        "name": "Zweites Musterhausen", "domain": "testserver",
        "admin_email": "z@example.org", "slug": "zwei",
    })
    assert response.status_code == 200
    assert "Die Domain „testserver“ gehört schon einem Bündnis." in response.content.decode()
    assert not Alliance.objects.filter(slug="zwei").exists()


def test_suspending_and_resuming(operator_client, client, landscape):
    url = reverse("admin:buendnis_alliance_changelist", urlconf="portal.urls_service")
    operator_client.post(url, {"action": "suspend_selected", "_selected_action": [landscape.pk]})
    assert client.get("/", HTTP_HOST="nordheim.localhost").status_code == 503
    operator_client.post(url, {"action": "resume_selected", "_selected_action": [landscape.pk]})
    assert client.get("/", HTTP_HOST="nordheim.localhost").status_code == 200


def test_deleting_an_alliance_removes_everything_it_holds_and_nothing_else(
    operator_client, landscape, settings
):
    with activate(landscape):
        from django.core.files.base import ContentFile

        logo_partner = PartnerFactory(name="Mit Logo")
        logo_partner.logo.save("logo.png", ContentFile(b"\x89PNG"))
        user = UserFactory(username="koordination-nordheim")
    folder = settings.MEDIA_ROOT / "alliances" / str(landscape.pk)
    assert folder.is_dir()
    mine = Partner.objects.count()
    url = reverse("admin:buendnis_alliance_delete", args=[landscape.pk], urlconf="portal.urls_service")
    confirmation = operator_client.get(url).content.decode()
    assert "Mit Logo" not in confirmation  # figures, not records
    operator_client.post(url, {"post": "yes"})
    assert not Alliance.objects.filter(pk=landscape.pk).exists()
    with scopes_disabled():
        assert not Partner.objects.filter(alliance_id=landscape.pk).exists()
        assert not Partner.history.filter(alliance_id=landscape.pk).exists()
        assert not Account.objects.filter(alliance_id=landscape.pk).exists()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not folder.exists()
    assert Partner.objects.count() == mine


# --- create_alliance ------------------------------------------------------------------------


def test_create_alliance_makes_a_complete_starting_point(client, alliance):
    demo_alliances.demo_domains(alliance)  # as `make run` serves the demo alliance
    call_command(
        "create_alliance", name="Bündnis für Familie Nordheim", domain="nordheim.localhost",
        admin_email="Koordination@Nordheim.example.org",
    )
    nordheim = Alliance.objects.get(slug="nordheim")
    with activate(nordheim):
        assert set(Page.objects.values_list("slug", flat=True)) == {
            "impressum", "datenschutz", "barrierefreiheit"
        }
        assert not Page.objects.public().exists()  # drafts to complete
        # Leichte Sprache: the home page's draft, its BITV parts but one already written.
        easy_read = EasyReadPage.objects.get()
        assert (easy_read.topic, easy_read.published) == ("start", False)
        assert easy_read.navigation and easy_read.accessibility and not easy_read.main_contents
        assert FieldOfAction.objects.count() == 5
        declaration = Declaration.objects.get()
        assert not declaration.is_current
        account = Account.objects.select_related("user").get()
        assert account.user.username == "koordination@nordheim.example.org"
        assert not account.user.has_usable_password()
        assert account.user.groups.filter(name="Koordination").exists()
    # Served at once; the demo alliance still on its own host.
    assert "Bündnis für Familie Nordheim" in client.get("/", HTTP_HOST="nordheim.localhost").content.decode()
    assert alliance.name in client.get("/", HTTP_HOST="127.0.0.1").content.decode()
    [invitation] = mail.outbox
    assert invitation.subject == "Ihr Zugang zum Bündnisportal Bündnis für Familie Nordheim"


def test_create_alliance_explains_what_is_wrong(alliance):
    call_command("create_alliance", name="Nordheim", domain="nordheim.localhost", admin_email="k@example.org")
    with pytest.raises(CommandError, match="gehört schon einem Bündnis.*Kennung „nordheim“ ist vergeben"):
        call_command(
            "create_alliance", name="Nochmal", domain="nordheim.localhost", admin_email="n@example.org"
        )
    with pytest.raises(CommandError, match="kein Domainname.*keine E-Mail-Adresse"):
        call_command("create_alliance", name="Falsch", domain="http://x/", admin_email="kaputt", slug="x")


def test_the_invitation_sets_a_password_once_and_only_on_the_alliances_domain(client, alliance):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    nordheim, link = alliances.create_alliance(
        name="Bündnis für Familie Nordheim", domain="nordheim.localhost", admin_email="k@nordheim.example.org"
    )
    path = link.removeprefix("http://nordheim.localhost")
    # Not on another alliance's domain.
    assert "Dieser Link gilt nicht mehr" in client.get(path, follow=True).content.decode()
    form = client.get(path, follow=True, HTTP_HOST="nordheim.localhost")
    assert "Willkommen im Bündnisportal" in form.content.decode()
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
        HTTP_HOST="nordheim.localhost",
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="k@nordheim.example.org")
    assert user.check_password(PASSWORD)
    again = client.get(path, follow=True, HTTP_HOST="nordheim.localhost")
    assert "Dieser Link gilt nicht mehr" in again.content.decode()
