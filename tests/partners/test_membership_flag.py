"""`Partner.is_member` is kept by database triggers (migration 0092); whatever writes
the signatures, the flag agrees with them and the directory shows the right partners."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from partners import services
from partners.models import Partner, Signature
from tests.factories import PartnerFactory


def assert_flags_agree():
    open_and_confirmed = Signature.objects.filter(
        partner=OuterRef("pk"), confirmed_at__isnull=False, withdrawn_at__isnull=True
    )
    computed = dict(
        Partner.objects.annotate(member=Exists(open_and_confirmed)).values_list("pk", "member")
    )
    stored = dict(Partner.objects.values_list("pk", "is_member"))
    assert stored == computed


def is_member(partner):
    return Partner.objects.values_list("is_member", flat=True).get(pk=partner.pk)


def test_flag_follows_the_lifecycle_of_a_membership(declaration):
    partner = PartnerFactory(name="Kita Sonnenschein", pending=True)
    assert not is_member(partner)
    services.confirm(partner.signatures.get())
    assert is_member(partner)
    services.withdraw(Partner.objects.get(pk=partner.pk))
    assert not is_member(partner)
    assert_flags_agree()


def test_flag_follows_bulk_writes_and_queryset_updates(declaration):
    partners = Partner.objects.bulk_create(
        Partner(name=f"Verein {number}", slug=f"verein-{number}", kind=Partner.Kind.ASSOCIATION)
        for number in range(3)
    )
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(partner=partner, declaration=declaration, confirmed_at=now)
        for partner in partners
    )
    assert Partner.objects.active().count() == 3
    Signature.objects.filter(partner=partners[0]).update(withdrawn_at=now)
    Signature.objects.filter(partner=partners[1]).update(confirmed_at=None)
    Signature.objects.filter(partner=partners[2]).delete()
    assert Partner.objects.active().count() == 0
    assert_flags_agree()


def test_moving_a_signature_to_another_partner_updates_both(declaration):
    first = PartnerFactory(name="Erster Verein")
    second = PartnerFactory(name="Zweiter Verein", withdrawn=True)
    Signature.objects.filter(partner=first).update(partner=second)
    assert not is_member(first)
    assert is_member(second)


def test_a_stale_partner_object_cannot_overwrite_the_flag(declaration):
    partner = PartnerFactory(name="Stadtbibliothek", pending=True)
    stale = Partner.objects.get(pk=partner.pk)
    assert stale.is_member is False
    services.confirm(partner.signatures.get())
    stale.town = "Lindenau"
    stale.save()
    assert is_member(partner)
    Partner.objects.filter(pk=partner.pk).update(is_member=False)
    assert is_member(partner)


def test_a_new_partner_without_signature_is_no_member(db):
    partner = Partner.objects.create(
        name="Ohne Unterschrift", slug="ohne-unterschrift", kind=Partner.Kind.OTHER, is_member=True
    )
    assert not is_member(partner)
    assert not Partner.objects.public().exists()


def test_directory_count_uses_the_flag(client, declaration):
    PartnerFactory(name="Aktiv")
    PartnerFactory(name="Unbestätigt", pending=True)
    withdrawn = PartnerFactory(name="Ausgetreten")
    Signature.objects.filter(partner=withdrawn).update(withdrawn_at=timezone.now())
    content = client.get("/partner/").content.decode()
    assert "1 Organisation hat die Bündniserklärung unterzeichnet." in content
    assert "Ausgetreten" not in content
