"""A partner is shown in the directory only with its consent to being named."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from partners.models import Partner
from tests.factories import PartnerFactory
from tests.support.admin_forms import change_form_data


def test_the_database_refuses_listing_without_consent(declaration):
    partner = PartnerFactory(wants_listing=False, listed=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(pk=partner.pk).update(listed=True)


def test_the_admin_form_says_why_the_box_cannot_be_ticked(coordinator_client, declaration):
    partner = PartnerFactory(name="Verschwiegen e. V.", wants_listing=False, listed=False)
    url = reverse("admin:partners_partner_change", args=[partner.pk])

    response = coordinator_client.post(url, change_form_data(coordinator_client.get(url), listed="on"))

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["listed"])
    assert "nicht eingewilligt, öffentlich genannt zu werden" in errors
    partner.refresh_from_db()
    assert not partner.listed


def test_release_respects_the_missing_consent(coordinator_client, declaration):
    partner = PartnerFactory(name="Verschwiegen e. V.", wants_listing=False, listed=False)
    response = coordinator_client.post(
        "/verwaltung/partners/partner/",
        {"action": "release_action", "_selected_action": [partner.pk]},
        follow=True,
    )
    assert "möchte nicht öffentlich genannt werden" in response.content.decode()
    partner.refresh_from_db()
    assert not partner.listed
