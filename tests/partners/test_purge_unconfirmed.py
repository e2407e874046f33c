"""Unconfirmed sign-ups go after UNCONFIRMED_SIGNATURE_DAYS (by `purge_personal_data`)."""

from datetime import timedelta

from django.utils import timezone

from partners import coordination
from partners.models import Partner
from tests.factories import PartnerFactory, SignatureFactory
from tests.partners.conftest import png_upload


def _age(partner, days):
    partner.signatures.update(signed_at=timezone.now() - timedelta(days=days))


def test_purges_stale_unconfirmed_signatures_only(declaration):
    stale = PartnerFactory(name="Alt", pending=True)
    stale.logo.save("logo.png", png_upload())
    logo, storage = stale.logo.name, stale.logo.storage
    _age(stale, 15)
    fresh = PartnerFactory(name="Frisch", pending=True)
    _age(fresh, 13)
    active = PartnerFactory(name="Aktiv")
    _age(active, 400)
    withdrawn = PartnerFactory(name="Ausgetreten", withdrawn=True)
    _age(withdrawn, 400)

    assert coordination.purge_unconfirmed(dry_run=True) == [
        f"Unbestätigte Unterzeichnung von „Alt“ ({stale.signatures.get().signed_at:%d.%m.%Y})"
    ]
    assert Partner.objects.filter(name="Alt").exists()
    assert len(coordination.purge_unconfirmed()) == 1
    assert set(Partner.objects.values_list("name", flat=True)) == {"Frisch", "Aktiv", "Ausgetreten"}
    assert not storage.exists(logo)


def test_former_partner_keeps_history_but_loses_the_contact_data(declaration):
    partner = PartnerFactory(name="Rückkehrer", withdrawn=True, contact_email="")
    SignatureFactory(partner=partner, declaration=declaration,
                     signed_at=timezone.now() - timedelta(days=20), confirmed_at=None)
    Partner.objects.filter(pk=partner.pk).update(contact_name="Neu", contact_email="neu@example.org")
    coordination.purge_unconfirmed()
    partner.refresh_from_db()
    assert partner.signatures.count() == 1
    assert partner.signatures.get().withdrawn_at is not None
    assert (partner.contact_name, partner.contact_email) == ("", "")


def test_nothing_to_purge(db):
    assert coordination.purge_unconfirmed() == []
