"""The public transparency page: income by source, spending by category; no private names."""

from django.urls import reverse

from finances.models import FinanceSettings
from tests.support.responses import assert_not_found

URL = reverse("finances:transparency")


def switch_on():
    settings = FinanceSettings.current()
    settings.transparency_page = True
    settings.save()


def test_the_page_is_off_until_the_alliance_switches_it_on(client, year_2026):
    assert_not_found(client.get(URL))


def test_it_shows_sums_by_source_and_category_without_private_names(client, year_2026):
    switch_on()
    response = client.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Spende" in content and "150,50\u00a0€" in content
    assert "Sachkosten" in content and "42,10\u00a0€" in content
    assert "3.150,50\u00a0€" in content and "242,09\u00a0€" in content
    for private in ["Erika Mustermann", "Hans Beispiel"]:
        assert private not in content
    assert "Stadthalle" not in content  # no payee at all, and the waiting 600 € do not count
    assert "842,09" not in content
