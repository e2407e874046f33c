"""The database goes away during requests and comes back."""

import pytest
from django.test import Client
from django.utils import timezone

from partners.models import Partner
from tests.factories import DeclarationFactory, PartnerFactory, SignatureFactory
from tests.support.otp import login_verified
from tests.support.outage import database_outage

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.outage]


@pytest.fixture
def confirmed_partner(alliance):
    declaration = DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    partner = PartnerFactory(
        name="Stadtwerke Musterhausen", slug="stadtwerke", kind=Partner.Kind.COMPANY,
        contact_email="stadtwerke@example.org", signature=None,
    )
    SignatureFactory(partner=partner, declaration=declaration, confirmed_at=timezone.now())
    return partner


def assert_german_503(response):
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_pages_answer_503_during_outage_and_recover_by_themselves(confirmed_partner, logged_errors):
    client = Client(raise_request_exception=False)
    assert client.get("/buendnis/").status_code == 200
    with database_outage():
        assert_german_503(client.get("/buendnis/"))
        assert client.get("/healthz").status_code == 503
        assert_german_503(client.get("/buendnis/"))
    # No restart, no intervention: the next requests work again.
    assert client.get("/healthz").status_code == 200
    assert client.get("/buendnis/").status_code == 200
    assert Partner.objects.active().filter(pk=confirmed_partner.pk).exists()
    # Django reports every 503 as an error: the operators must hear of the outage.
    assert logged_errors.messages() and all(
        message.startswith("Service Unavailable") for message in logged_errors.messages()
    )


def test_logged_in_coordinator_gets_503_not_500(confirmed_partner, admin_user, logged_errors):
    client = Client(raise_request_exception=False)
    login_verified(client, admin_user)
    assert client.get("/verwaltung/").status_code == 200
    with database_outage():
        assert_german_503(client.get("/verwaltung/"))
    assert client.get("/verwaltung/").status_code == 200
    # Django reports every 503 as an error: the operators must hear of the outage.
    assert logged_errors.messages() and all(
        message.startswith("Service Unavailable") for message in logged_errors.messages()
    )
