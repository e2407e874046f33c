"""The doors between alliances that an attacker found open (issue 19), each closed.

Two alliances on one installation: the installation's first (Musterhausen, on
`testserver`) and Nordheim (`nordheim.localhost`), whose coordinator tries
Musterhausen's ids and accounts.
"""

import datetime

import pytest
from django.contrib.admin import site
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from arbeitsgruppen.models import WorkingGroup
from buendnis import pagecache
from buendnis.models import Domain
from buendnis.roles import COORDINATION
from buendnis.tenancy import activate, own_account
from cockpit import alliances
from events import services as event_services
from partners.models import Partner, Signature
from tests.factories import (
    AllianceFactory,
    EventFactory,
    MinutesFactory,
    PartnerFactory,
    TOTPDeviceFactory,
    UserFactory,
    WorkingGroupFactory,
    current_declaration,
)
from tests.support.responses import assert_not_found

NORDHEIM = "nordheim.localhost"


@pytest.fixture
def musterhausen(alliance):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    return alliance


@pytest.fixture
def nordheim(db, role_groups):
    nordheim = AllianceFactory(slug="nordheim", name="Bündnis für Familie Nordheim")
    with activate(nordheim):
        current_declaration()
    return nordheim


@pytest.fixture
def nordheim_coordinator(nordheim):
    with activate(nordheim):
        return UserFactory(username="koordination@nordheim.example.org", roles=[COORDINATION])


@pytest.fixture
def nordheim_client(client, nordheim_coordinator):
    client.force_login(nordheim_coordinator)
    return client


@pytest.fixture
def their_accounts(musterhausen, role_groups):
    """Musterhausen's coordinator and the installation's superuser."""
    theirs = UserFactory(username="koordination@musterhausen.example.org", roles=[COORDINATION])
    superuser = get_user_model().objects.create_superuser("betrieb", "betrieb@example.org", "x" * 20)
    return theirs, superuser


# --- 1. accounts belong to one alliance ------------------------------------------------


def test_the_group_lead_picker_offers_only_the_alliances_own_accounts(
    rf, nordheim, nordheim_coordinator, their_accounts
):
    theirs, superuser = their_accounts
    with activate(nordheim):
        own = UserFactory(username="leitung@nordheim.example.org")
        request = rf.get("/verwaltung/arbeitsgruppen/workinggroup/add/", HTTP_HOST=NORDHEIM)
        request.user = nordheim_coordinator
        leads = site._registry[WorkingGroup].get_form(request)().fields["leads"]
        offered = set(leads.queryset)
    assert own in offered and nordheim_coordinator in offered
    assert theirs not in offered and superuser not in offered


def test_the_account_list_shows_no_other_alliances_accounts_nor_superusers(
    client, nordheim_coordinator, their_accounts
):
    """Even the Servicestelle, working in Nordheim's admin, sees Nordheim's accounts only."""
    _theirs, superuser = their_accounts
    client.force_login(superuser)
    response = client.get(reverse("admin:auth_user_changelist"), HTTP_HOST=NORDHEIM)
    content = response.content.decode()
    assert response.status_code == 200
    assert "koordination@nordheim.example.org" in content
    assert "musterhausen" not in content and "betrieb@" not in content
    for user in their_accounts:
        page = client.get(reverse("admin:auth_user_change", args=[user.pk]), HTTP_HOST=NORDHEIM)
        assert_not_found(page)


def test_the_model_layer_refuses_a_link_to_another_alliances_account(nordheim, their_accounts):
    theirs, superuser = their_accounts
    with activate(nordheim):
        own = UserFactory(username="leitung@nordheim.example.org")
        group = WorkingGroupFactory(name="AG Zeit")
        for foreign in (theirs, superuser):
            with pytest.raises(ValidationError, match="Nur Zugänge dieses Bündnisses"), transaction.atomic():
                group.leads.add(foreign)
            with pytest.raises(ValidationError), transaction.atomic():
                foreign.led_working_groups.add(group)
        group.leads.add(own)
        assert list(group.leads.all()) == [own]
        partner = PartnerFactory(name="Stadtwerke")
        signature = partner.signatures.get()
        signature.entered_by = theirs
        with pytest.raises(ValidationError):
            signature.save()
        signature.entered_by = own
        signature.save()
    assert Signature.objects.filter(entered_by=theirs).count() == 0


def test_a_superuser_working_in_an_alliance_leaves_no_link_to_an_account(nordheim, their_accounts):
    _theirs, superuser = their_accounts
    with activate(nordheim):
        assert own_account(superuser) is None
        event = EventFactory(title="Plenum", starts_in=-datetime.timedelta(days=3))
        minutes = MinutesFactory(approved=False, event=event)
        event_services.approve_minutes(minutes, superuser)
        minutes.refresh_from_db()
        assert minutes.status == "approved" and minutes.approved_by is None


# --- 2. "Auf der Website anzeigen" ----------------------------------------------------------


def test_view_on_site_finds_only_the_alliances_own_objects(nordheim_client, nordheim, musterhausen):
    theirs = PartnerFactory(name="Stadtwerke Musterhausen", slug="stadtwerke")
    with activate(nordheim):
        own = PartnerFactory(name="Stadtwerke Nordheim", slug="stadtwerke-nordheim")
    content_type = ContentType.objects.get_for_model(Partner)

    def shortcut(obj_id, type_id=content_type.pk):
        return nordheim_client.get(f"/verwaltung/r/{type_id}/{obj_id}/", HTTP_HOST=NORDHEIM)

    response = shortcut(own.pk)
    assert response.status_code == 302
    assert response["Location"] == "/partner/stadtwerke-nordheim/"
    assert_not_found(shortcut(theirs.pk))
    assert_not_found(shortcut(999999))
    assert_not_found(shortcut(own.pk, type_id=999999))
    # A model this admin does not register (an account, a content type) opens nothing.
    assert_not_found(shortcut(own.pk, type_id=ContentType.objects.get_for_model(ContentType).pk))


def test_view_on_site_of_the_servicestelle_answers_404_not_500(client, settings, alliance):
    settings.SERVICE_DOMAIN = "service.localhost"
    partner = PartnerFactory(name="Stadtwerke")
    superuser = get_user_model().objects.create_superuser("betrieb", "betrieb@example.org", "x" * 20)
    client.force_login(superuser)
    content_type = ContentType.objects.get_for_model(Partner)
    response = client.get(f"/verwaltung/r/{content_type.pk}/{partner.pk}/", HTTP_HOST="service.localhost")
    assert response.status_code == 404


# --- 3. the page cache belongs to the alliance ----------------------------------------------


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 0
    cache.clear()
    pagecache._memo.clear()
    yield settings
    cache.clear()


def test_a_domain_that_passes_to_a_new_alliance_never_serves_the_old_ones_pages(
    client, page_cache, musterhausen, django_capture_on_commit_callbacks
):
    old = AllianceFactory(slug="altdorf", name="Bündnis für Familie Altdorf", domain="wieder.localhost")
    with activate(old):
        current_declaration()
    first = client.get("/", HTTP_HOST="wieder.localhost")
    assert "Altdorf" in first.content.decode()
    assert client.get("/", HTTP_HOST="wieder.localhost")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        alliances.delete_alliance(old)
    new = AllianceFactory(slug="neudorf", name="Bündnis für Familie Neudorf", domain="wieder.localhost")
    with activate(new):
        current_declaration()
    page = client.get("/", HTTP_HOST="wieder.localhost")
    assert page["X-Page-Cache"] == "miss"
    assert "Neudorf" in page.content.decode() and "Altdorf" not in page.content.decode()


def test_suspending_an_alliance_drops_its_cached_pages(
    client, page_cache, nordheim, django_capture_on_commit_callbacks
):
    client.get("/", HTTP_HOST=NORDHEIM)
    assert client.get("/", HTTP_HOST=NORDHEIM)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        alliances.suspend(nordheim)
    assert client.get("/", HTTP_HOST=NORDHEIM).status_code == 503
    with django_capture_on_commit_callbacks(execute=True):
        alliances.resume(nordheim)
    assert client.get("/", HTTP_HOST=NORDHEIM)["X-Page-Cache"] == "miss"


# --- 4. /media/ checks the path the file system reads -----------------------------------------


def test_media_paths_are_checked_after_normalising(client, settings, musterhausen, nordheim):
    theirs = PartnerFactory(name="Stadtwerke")
    theirs.logo.save("logo.png", ContentFile(b"\x89PNG"))
    stored_pdf = settings.MEDIA_ROOT / "pdf-cache" / f"alliances/{musterhausen.pk}" / "urkunde" / "x.pdf"
    stored_pdf.parent.mkdir(parents=True)
    stored_pdf.write_bytes(b"%PDF-1.7")
    mine, other = f"alliances/{nordheim.pk}", f"alliances/{musterhausen.pk}"
    logo = theirs.logo.name.removeprefix(f"{other}/")
    assert client.get(f"/media/{theirs.logo.name}").status_code == 200  # on its own host
    spellings = [
        f"{mine}/../{musterhausen.pk}/{logo}",
        f"{mine}/..%2F{musterhausen.pk}/{logo}",
        f"{mine}/%2e%2e/{musterhausen.pk}/{logo}",
        f"{mine}/%2E%2E%2F{musterhausen.pk}/{logo}",
        f"{mine}//../{musterhausen.pk}/{logo}",
        f"{mine}/./../{musterhausen.pk}/{logo}",
        f"{mine}/logos/../../{musterhausen.pk}/{logo}",
        f"{mine}/..\\{musterhausen.pk}/{logo}",
        f"{mine}/..%5C{musterhausen.pk}/{logo}",
        f"{mine}/..%2F..%2Fpdf-cache/{other}/urkunde/x.pdf",
        f"{mine}/../../pdf-cache/{other}/urkunde/x.pdf",
        f"pdf-cache/{other}/urkunde/x.pdf",
        f"pdf-cache/{mine}/../../{other}/urkunde/x.pdf",
        f"/{other}/{logo}",
        f"{other}/{logo}",
    ]
    for spelling in spellings:
        response = client.get(f"/media/{spelling}", HTTP_HOST=NORDHEIM)
        assert response.status_code == 404, spelling


# --- 7. a host that is not allowed --------------------------------------------------------------


def test_a_host_not_allowed_gets_djangos_400(client, musterhausen, logged_errors):
    response = client.get("/", HTTP_HOST="evil.com")
    assert response.status_code == 400
    assert any("Invalid HTTP_HOST header: 'evil.com'" in message for message in logged_errors.messages())


def test_second_factors_and_background_tasks_of_other_alliances_stay_hidden(
    client, nordheim_coordinator, their_accounts
):
    """Even the Servicestelle, in Nordheim's admin, sees only Nordheim's accounts' second
    factors; background tasks (every alliance's) are the Servicestelle's own page."""
    from django_tasks_db.models import DBTaskResult

    theirs, superuser = their_accounts
    own_device = TOTPDeviceFactory(user=nordheim_coordinator, name="Handy Nordheim")
    their_device = TOTPDeviceFactory(user=theirs, name="Handy Musterhausen")
    client.force_login(superuser)
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist"), HTTP_HOST=NORDHEIM)
    assert "Handy Nordheim" in listing.content.decode()
    assert "Handy Musterhausen" not in listing.content.decode()
    assert_not_found(
        client.get(reverse("admin:otp_totp_totpdevice_change", args=[their_device.pk]), HTTP_HOST=NORDHEIM)
    )
    form = client.get(reverse("admin:otp_totp_totpdevice_change", args=[own_device.pk]), HTTP_HOST=NORDHEIM)
    assert form.status_code == 200
    assert DBTaskResult not in site._registry
