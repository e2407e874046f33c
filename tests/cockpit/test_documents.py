"""The Dokumente page: every document of the alliance with its date and a download."""

import datetime

import pytest
from django.urls import reverse

from buendnis.models import Domain
from buendnis.tenancy import activate
from tests.factories import (
    AllianceFactory,
    EventFactory,
    MinutesFactory,
    PartnerFactory,
    current_declaration,
)
from tests.support.pdfs import pdf_text
from tests.support.responses import assert_not_found, streamed_body


@pytest.fixture
def documents(alliance):
    partner = PartnerFactory(name="Stadtwerke Musterhausen")
    withdrawn = PartnerFactory(name="Ehemalige GmbH", withdrawn=True)
    event = EventFactory(title="Bündnistreffen 2025", starts_in=-datetime.timedelta(days=30))
    minutes = MinutesFactory(event=event)
    return partner, withdrawn, minutes


def test_the_coordinator_finds_every_document_with_its_date(coordinator_client, documents):
    partner, withdrawn, minutes = documents
    response = coordinator_client.get(reverse("cockpit:documents"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Gründungsurkunde herunterladen (PDF)" in content
    assert "Stadtwerke Musterhausen" in content and "Ehemalige GmbH" not in content
    assert "Bündnistreffen 2025" in content
    assert reverse("cockpit:partner_certificate", args=[partner.pk]) in content
    assert reverse("admin:events_minutes_pdf", args=[minutes.pk]) in content
    # Dates in her words, never ISO.
    assert minutes.event.starts_at.strftime("%Y-%m-%d") not in content


def test_a_partners_certificate_downloads_from_the_admin(coordinator_client, documents):
    partner, withdrawn, _minutes = documents
    response = coordinator_client.get(reverse("cockpit:partner_certificate", args=[partner.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    body = streamed_body(response) if response.streaming else response.content
    assert "Stadtwerke Musterhausen" in pdf_text(body)
    assert_not_found(coordinator_client.get(reverse("cockpit:partner_certificate", args=[withdrawn.pk])))


def test_another_alliances_partner_has_no_certificate_here(coordinator_client, documents, alliance):
    Domain.objects.create(alliance=alliance, name="testserver", is_primary=True)
    nordheim = AllianceFactory(slug="nordheim")
    with activate(nordheim):
        current_declaration()
        theirs = PartnerFactory(name="Stadtwerke Nordheim")
    assert_not_found(coordinator_client.get(reverse("cockpit:partner_certificate", args=[theirs.pk])))


def test_group_leads_and_visitors_get_no_documents(client, group_lead, documents):
    partner, _withdrawn, _minutes = documents
    assert client.get(reverse("cockpit:documents")).status_code == 302
    client.force_login(group_lead)
    assert client.get(reverse("cockpit:documents")).status_code == 403
    assert client.get(reverse("cockpit:partner_certificate", args=[partner.pk])).status_code == 403


def test_the_steering_group_reads_the_documents(client, steering_member, documents):
    client.force_login(steering_member)
    assert client.get(reverse("cockpit:documents")).status_code == 200
