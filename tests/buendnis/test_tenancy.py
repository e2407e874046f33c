"""The alliance as tenant: scoping that is enforced, hosts that pick the alliance."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from buendnis import pagecache
from buendnis.models import Alliance, ContentVersion, Domain, FieldOfAction, Page
from buendnis.tenancy import ScopeError, activate, current_alliance, scopes_disabled
from partners import services
from partners.models import Partner
from tests.factories import AllianceFactory, PartnerFactory, SigningSessionFactory, current_declaration
from tests.support.tenancy import outside_any_scope


@pytest.fixture
def nordheim(db):
    return AllianceFactory(slug="nordheim", name="Bündnis für Familie Nordheim")


# --- scoping is enforced -------------------------------------------------------------


def test_a_query_outside_any_scope_raises(db):
    queries = [
        lambda: list(Partner.objects.all()),
        lambda: Partner.objects.public().count(),
        lambda: Partner.objects.filter(name="x").exists(),
        lambda: Page.objects.get(slug="impressum"),
        lambda: FieldOfAction.objects.first(),
        current_alliance,
    ]
    with outside_any_scope():
        for query in queries:
            with pytest.raises(ScopeError):
                query()


def test_a_row_made_outside_any_scope_is_refused(db):
    with outside_any_scope(), pytest.raises(ScopeError):
        FieldOfAction(name="Beruf", slug="beruf").save()


def test_each_alliance_sees_only_its_own_rows_and_slugs_may_repeat(nordheim, declaration):
    here = PartnerFactory(name="Stadtwerke", slug="stadtwerke")
    with activate(nordheim):
        current_declaration()
        there = PartnerFactory(name="Stadtwerke", slug="stadtwerke")
        assert list(Partner.objects.all()) == [there]
        assert Partner.objects.get(slug="stadtwerke") == there
    assert list(Partner.objects.all()) == [here]
    assert here.alliance_id != there.alliance_id
    with scopes_disabled():
        assert Partner.objects.filter(slug="stadtwerke").count() == 2


def test_related_managers_are_scoped_too(nordheim, declaration):
    partner = PartnerFactory(name="Bäckerei Korn")
    with activate(nordheim):
        assert not partner.signatures.exists()
    assert partner.signatures.count() == 1


# --- hosts ------------------------------------------------------------------------------


def test_a_single_alliance_is_served_on_every_allowed_host(client, alliance):
    for host in ("testserver", "localhost", "beliebig.localhost"):
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert alliance.display_name in response.content.decode()


def test_with_several_alliances_the_host_decides(client, alliance, nordheim):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    assert "Musterhausen" in client.get("/").content.decode()
    page = client.get("/", HTTP_HOST="nordheim.localhost").content.decode()
    assert "Nordheim" in page and "Musterhausen" not in page


def test_an_unknown_host_gets_a_neutral_404(client, alliance, nordheim):
    response = client.get("/partner/", HTTP_HOST="irgendwo.localhost")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Unter dieser Adresse gibt es kein Bündnisportal" in content
    assert "Musterhausen" not in content and "Nordheim" not in content


def test_an_alias_redirects_to_the_main_domain_with_path_and_query(client, nordheim):
    Domain.objects.create(alliance=nordheim, name="www.nordheim.localhost")
    response = client.get("/partner/?art=verein", HTTP_HOST="www.nordheim.localhost:8000")
    assert response.status_code == 301
    assert response["Location"] == "http://nordheim.localhost:8000/partner/?art=verein"


def test_a_suspended_alliance_answers_with_a_neutral_503(client, nordheim):
    nordheim.suspended_at = timezone.now()
    nordheim.save()
    response = client.get("/", HTTP_HOST="nordheim.localhost")
    assert response.status_code == 503
    assert "derzeit nicht erreichbar" in response.content.decode()
    assert "Nordheim" not in response.content.decode()


def test_the_health_check_answers_on_every_host(client, nordheim):
    assert client.get("/healthz", HTTP_HOST="irgendwo.localhost").json()["status"] == "ok"


def test_a_new_alliance_is_served_without_a_restart(client, settings, alliance):
    settings.TENANCY_REFRESH_SECONDS = 3600
    client.get("/")  # the map of hosts is loaded
    AllianceFactory(slug="neustadt", name="Bündnis Neustadt", domain="neustadt.localhost")
    assert "Bündnis Neustadt" in client.get("/", HTTP_HOST="neustadt.localhost").content.decode()


def test_the_map_of_hosts_costs_no_query_per_request(client, settings, alliance, nordheim):
    settings.TENANCY_REFRESH_SECONDS = 3600
    client.get("/buendnis/", HTTP_HOST="nordheim.localhost")
    with CaptureQueriesContext(connection) as queries:
        client.get("/buendnis/", HTTP_HOST="nordheim.localhost")
    assert not [query for query in queries if "buendnis_domain" in query["sql"]]
    assert not [query for query in queries if 'FROM "buendnis_alliance"' in query["sql"]]


def test_another_worker_sees_a_changed_profile_after_the_refresh(client, settings, alliance):
    settings.TENANCY_REFRESH_SECONDS = 3600
    client.get("/")
    # Changed by another worker: no signal reaches this one.
    Alliance.objects.filter(pk=alliance.pk).update(short_name="Bündnis Anderswo")
    assert "Bündnis Anderswo" not in client.get("/").content.decode()
    settings.TENANCY_REFRESH_SECONDS = 0
    assert "Bündnis Anderswo" in client.get("/").content.decode()


def test_a_profile_saved_in_this_worker_is_served_at_once(client, settings, alliance):
    settings.TENANCY_REFRESH_SECONDS = 3600
    client.get("/")
    alliance.short_name = "Bündnis Hierher"
    alliance.save()
    assert "Bündnis Hierher" in client.get("/").content.decode()


# --- what carries the alliance ------------------------------------------------------------


def test_content_versions_are_per_alliance(nordheim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.bump()
    mine = ContentVersion.objects.get().version
    with activate(nordheim):
        assert not ContentVersion.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            pagecache.bump()
            pagecache.bump()
        assert ContentVersion.objects.get().version == 2
    assert ContentVersion.objects.get().version == mine


def test_emails_go_out_in_the_alliance_name_with_links_to_its_domain(settings, nordheim):
    settings.DEFAULT_FROM_EMAIL = "Portal <portal@example.org>"
    nordheim.sender_name = "Familienbündnis Nordheim"
    nordheim.sender_email = "info@nordheim.example.org"
    nordheim.coordinator_email = "koordination@nordheim.example.org"
    nordheim.save()
    with activate(nordheim):
        current_declaration()
        partner = PartnerFactory(name="Stadtwerke", pending=True, contact_email="s@example.org")
        services.resend_confirmation(partner)
    [message] = mail.outbox
    assert message.from_email == "Familienbündnis Nordheim <info@nordheim.example.org>"
    assert message.reply_to == ["koordination@nordheim.example.org"]
    assert "http://nordheim.localhost/buendniserklaerung/bestaetigen/" in message.body


def test_uploads_live_in_the_alliance_folder_and_only_its_host_serves_them(client, alliance, nordheim):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    with activate(nordheim):
        current_declaration()
        from django.core.files.base import ContentFile

        partner = PartnerFactory(name="Stadtwerke")
        partner.logo.save("logo.png", ContentFile(b"\x89PNG"))
    assert partner.logo.name.startswith(f"alliances/{nordheim.pk}/logos/")
    path = f"/media/{partner.logo.name}"
    assert client.get(path, HTTP_HOST="nordheim.localhost").status_code == 200
    assert client.get(path).status_code == 404


def test_signing_sessions_open_hours_are_the_alliances_own(nordheim):
    from partners.models import SigningSession

    now = timezone.now()
    with activate(nordheim):
        SigningSessionFactory(
            title="Bündnistreffen", starts_at=now, ends_at=now + datetime.timedelta(hours=2)
        )
    assert not SigningSession.objects.exists()
