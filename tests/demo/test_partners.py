import io

from django.core.management import call_command
from PIL import Image

from partners.models import Declaration, Partner, Signature


def test_demo_partners_cover_every_kind_and_state(demo_data, client):
    assert Declaration.objects.current().version == "2023"
    assert Partner.objects.count() >= 25
    assert set(Partner.objects.values_list("kind", flat=True)) == set(Partner.Kind.values)
    assert Partner.objects.founding().count() >= 5
    assert Signature.objects.filter(source=Signature.Source.PAPER).exists()
    assert Signature.objects.filter(source=Signature.Source.ONLINE).exists()
    withdrawn = Partner.objects.withdrawn().get()
    assert withdrawn.contact_email == ""
    assert not withdrawn.listed
    assert Partner.objects.public().count() == Partner.objects.count() - 1
    for partner in Partner.objects.all():
        with Image.open(partner.logo.path) as logo:
            assert logo.format == "PNG"
    # Every demo page renders.
    assert client.get("/partner/").status_code == 200
    for partner in Partner.objects.public():
        assert client.get(partner.get_absolute_url()).status_code == 200
    assert client.get(withdrawn.get_absolute_url()).status_code == 404


def test_demo_is_idempotent(demo_data):
    counts = (Partner.objects.count(), Signature.objects.count(), Declaration.objects.count())
    call_command("load_demo", "--no-admin", stdout=io.StringIO())
    assert (Partner.objects.count(), Signature.objects.count(), Declaration.objects.count()) == counts
