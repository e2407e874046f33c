import io

import pytest
from django.core.management import CommandError, call_command

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.models import ContentVersion
from events.models import Event, Registration
from partners.models import Partner, Signature
from tests.factories import PartnerFactory


def fill(**counts):
    call_command("fill_bench", stdout=io.StringIO(), **counts)


@pytest.mark.django_db(transaction=True)
def test_fill_bench_creates_every_kind_of_data(settings):
    fill(partners=60, projects=30, groups=6, events=20, logo_share=0.5)
    assert Partner.objects.count() == 60
    assert Partner.objects.active().count() >= 40
    assert Partner.objects.withdrawn().exists() or Partner.objects.pending().exists()
    assert len(set(Partner.objects.values_list("kind", flat=True))) >= 5
    logos = Partner.objects.exclude(logo="")
    assert logos.exists()
    assert (settings.MEDIA_ROOT / logos.first().logo.name).is_file()
    signed = Signature.objects.dates("signed_at", "year")
    assert signed.count() >= 3  # spread over the years
    assert WorkingGroup.objects.count() == 6
    assert Project.objects.count() == 30
    assert Project.partners.through.objects.exists()
    assert Event.objects.count() == 20
    assert Registration.objects.exists()
    assert ContentVersion.objects.get().version >= 1  # cached pages retired


def test_fill_bench_refuses_a_database_with_partners(db):
    PartnerFactory(name="Echter Partner", slug="echt", kind=Partner.Kind.OTHER, signature=None)
    with pytest.raises(CommandError, match="schon Partner"):
        fill(partners=5)
    assert Partner.objects.count() == 1
