from datetime import timedelta

from django.utils import timezone

from partners.models import Partner
from tests.partners.conftest import make_partner


def test_home_shows_newest_listed_partners_and_count(client, declaration):
    now = timezone.now()
    for number in range(8):
        make_partner(f"Partner {number}", confirmed_at=now - timedelta(days=10 - number))
    make_partner("Verborgen", listed=False)
    make_partner("Ausgetreten", status="withdrawn")
    content = client.get("/").content.decode()
    assert "Neue Partner" in content
    assert "8 Organisationen machen mit." in content
    assert "Partner 7" in content and "Partner 2" in content
    assert "Partner 1" not in content  # only the six newest
    assert content.index("Partner 7") < content.index("Partner 2")
    assert "Verborgen" not in content and "Ausgetreten" not in content
    assert Partner.objects.get(name="Partner 7").get_absolute_url() in content


def test_home_without_partners_has_no_section(client, db):
    assert "Neue Partner" not in client.get("/").content.decode()
