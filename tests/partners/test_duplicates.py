"""A sign-up with the name of an existing partner never takes over that record.

It is confirmed by e-mail like any other, then waits for the coordination, which
decides: continue the existing record (a new membership period, its history kept) or
keep the two apart.
"""

import pytest
from django.core import mail
from django.urls import reverse

from buendnis.lib.text import name_key
from partners import coordination
from partners.models import Partner, Signature
from tests.factories import PartnerFactory
from tests.partners.conftest import links_in, png_upload


@pytest.mark.parametrize(
    "written, existing",
    [
        ("tischlerei  holzwurm", "Tischlerei Holzwurm"),
        ("Tischlerei Holzwurm e.V.", "Tischlerei Holzwurm e. V."),
        ("TISCHLEREI-HOLZWURM", "Tischlerei Holzwurm"),
        ("Baeckerei Mueller", "Bäckerei Müller"),
        ("Café Größe", "Cafe Groesse"),
    ],
)
def test_names_are_compared_without_case_spaces_punctuation_and_umlauts(written, existing):
    assert name_key(written) == name_key(existing)


def test_other_names_differ():
    assert name_key("Tischlerei Holzwurm") != name_key("Tischlerei Holzwurm Nord")


@pytest.fixture
def former(declaration):
    """A founder that withdrew, with a logo and its history."""
    partner = PartnerFactory(
        name="Tischlerei Holzwurm", withdrawn=True, founding_partner=True,
        contact_email="", contact_name="", listed=False,
    )
    partner.logo.save("logo.png", png_upload())
    return partner


def sign_up_and_confirm(client, sign, **data):
    sign(**data)
    client.post(links_in(mail.outbox[-1])[0])
    return Partner.objects.exclude(name_key="").order_by("-pk").first()


def test_signing_with_the_name_of_a_withdrawn_partner_leaves_its_record_alone(
    client, sign, former
):
    new = sign_up_and_confirm(client, sign, name="tischlerei  holzwurm", contribution="Wieder dabei.")

    assert new != former and new.possible_duplicate == former
    former.refresh_from_db()
    assert former.signatures.count() == 1 and not former.is_member
    assert former.logo and former.founding_partner and former.slug == "tischlerei-holzwurm"
    assert former.contribution != "Wieder dabei."
    # Confirmed, but hidden until the coordination decides.
    assert new.is_member and not new.listed
    assert "Tischlerei Holzwurm" not in client.get("/partner/").content.decode()
    notice = next(message for message in mail.outbox if message.to == ["koordination@example.org"])
    assert "möglicherweise dieselbe Organisation wie „Tischlerei Holzwurm“" in notice.body


def test_a_second_organisation_with_the_name_of_an_active_partner_waits_too(client, sign, declaration):
    active = PartnerFactory(name="Tischlerei Holzwurm", contact_email="alt@example.org")
    new = sign_up_and_confirm(client, sign, contact_email="neu@example.org")
    assert new.possible_duplicate == active and not new.listed
    assert new.slug == "tischlerei-holzwurm-2"


def test_the_admin_shows_the_hint_and_continuing_keeps_the_history(
    client, sign, former, coordinator_client
):
    new = sign_up_and_confirm(client, sign, name="Tischlerei Holzwurm", contribution="Wieder dabei.")
    change = coordinator_client.get(reverse("admin:partners_partner_change", args=[new.pk]))
    assert "möglicherweise dieselbe Organisation wie „Tischlerei Holzwurm“" in change.content.decode()
    listing = coordinator_client.get("/verwaltung/partners/partner/?dublette=ja")
    assert [partner.name for partner in listing.context["cl"].result_list] == ["Tischlerei Holzwurm"]
    decision = coordinator_client.get(reverse("admin:partners_partner_duplicate", args=[new.pk]))
    assert "Eintrag „Tischlerei Holzwurm“ fortsetzen" in decision.content.decode()

    response = coordinator_client.post(reverse("admin:partners_partner_continue", args=[new.pk]))

    assert response["Location"] == reverse("admin:partners_partner_change", args=[former.pk])
    assert not Partner.objects.filter(pk=new.pk).exists()
    former.refresh_from_db()
    periods = list(former.signatures.order_by("signed_at"))
    assert len(periods) == 2 and periods[0].withdrawn_at and periods[1].withdrawn_at is None
    assert former.is_member and former.listed and former.founding_partner
    assert former.contribution == "Wieder dabei."
    assert former.contact_email == "erika@holzwurm.example.org"
    assert former.slug == "tischlerei-holzwurm"


def test_continuing_an_active_record_drops_the_second_sign_up(client, sign, declaration):
    active = PartnerFactory(name="Tischlerei Holzwurm", contact_email="alt@example.org")
    new = sign_up_and_confirm(client, sign, contact_email="neu@example.org")
    coordination.continue_existing(new)
    assert list(Partner.objects.values_list("name", flat=True)) == ["Tischlerei Holzwurm"]
    active.refresh_from_db()
    assert active.signatures.count() == 1 and active.contact_email == "alt@example.org"


def test_keeping_them_apart_lists_the_new_one(client, sign, former, coordinator_client):
    new = sign_up_and_confirm(client, sign, name="Tischlerei Holzwurm")
    coordinator_client.post(reverse("admin:partners_partner_separate", args=[new.pk]))
    new.refresh_from_db()
    assert new.possible_duplicate is None and new.listed
    assert client.get(new.get_absolute_url()).status_code == 200
    assert Signature.objects.filter(partner=former).count() == 1


def test_deciding_needs_the_coordination(client, sign, former, steering_member):
    new = sign_up_and_confirm(client, sign, name="Tischlerei Holzwurm")
    client.force_login(steering_member)
    assert client.post(reverse("admin:partners_partner_continue", args=[new.pk])).status_code == 403
    assert client.get(reverse("admin:partners_partner_continue", args=[new.pk])).status_code == 405
    assert Partner.objects.filter(pk=new.pk).exists()
