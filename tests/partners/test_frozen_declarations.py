"""A version of the declaration that anyone signed stays as it was signed: its text,
its name and its address; the archive address never answers 404."""

import datetime

import pytest
from django.utils import timezone

from partners.models import Declaration
from partners.models.declarations import DeclarationSigned
from tests.factories import DeclarationFactory, PartnerFactory

ADMIN = "/verwaltung/partners/declaration/"


@pytest.fixture
def signed(declaration):
    PartnerFactory(name="Unterzeichnet e. V.", declaration=declaration)
    return declaration


def _post(client, declaration, **changes):
    data = {
        "version": declaration.version, "title": declaration.title, "text": declaration.text,
        "valid_from": declaration.valid_from.strftime("%d.%m.%Y"),
        "is_current": "on" if declaration.is_current else "",
    }
    data.update(changes)
    return client.post(f"{ADMIN}{declaration.pk}/change/", data)


def test_the_model_refuses_to_change_a_signed_version(signed):
    for field, value in [("text", "<p>Anders</p>"), ("title", "Neuer Name"), ("version", "2024-neu"),
                         ("valid_from", datetime.date(2030, 1, 1))]:
        version = Declaration.objects.get(pk=signed.pk)
        setattr(version, field, value)
        with pytest.raises(DeclarationSigned, match="Diese Fassung haben Partner unterzeichnet"):
            version.save()
    signed.refresh_from_db()
    assert (signed.version, signed.title) == ("2024", "Bündniserklärung")
    assert signed.text == "<p>Wir machen mit für Familien.</p>"


def test_a_signed_version_may_still_become_current_or_not(signed):
    newer = DeclarationFactory(version="2026")
    version = Declaration.objects.get(pk=signed.pk)
    version.is_current = False
    version.save()
    newer.is_current = True
    newer.save()
    assert Declaration.objects.current() == newer


def test_an_unsigned_version_stays_editable(declaration):
    declaration.text = "<p>Korrigiert</p>"
    declaration.version = "2024-1"
    declaration.save()
    declaration.refresh_from_db()
    assert declaration.text == "<p>Korrigiert</p>"


def test_the_admin_shows_a_signed_version_read_only(coordinator_client, signed):
    page = coordinator_client.get(f"{ADMIN}{signed.pk}/change/").content.decode()
    assert "Partner haben diese Fassung unterzeichnet." in page
    for name in ("version", "title", "text", "valid_from"):
        assert f'name="{name}"' not in page
    # The text as it reads, not its HTML source.
    assert "<p>Wir machen mit für Familien.</p>" in page and "&lt;p&gt;" not in page

    response = _post(coordinator_client, signed, text="<p>Heimlich geändert</p>", version="neu",
                     title="Neuer Titel", valid_from="01.01.2030")
    assert response.status_code == 302
    signed.refresh_from_db()
    assert (signed.version, signed.title, signed.valid_from) == ("2024", "Bündniserklärung",
                                                                 datetime.date(2017, 11, 8))
    assert signed.text == "<p>Wir machen mit für Familien.</p>"


def test_the_admin_edits_an_unsigned_version(coordinator_client, declaration):
    response = _post(coordinator_client, declaration, text="<p>Noch ein Entwurf</p>", valid_from="01.02.2024")
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.text == "<p>Noch ein Entwurf</p>"
    assert declaration.valid_from == datetime.date(2024, 2, 1)


def test_the_archive_address_of_a_signed_version_never_answers_404(client, coordinator_client, signed):
    newer = DeclarationFactory(version="2026", valid_from=timezone.localdate() + datetime.timedelta(days=30))
    coordinator_client.post(ADMIN, {"action": "make_current_action", "_selected_action": [newer.pk]})
    # Allowed edits of the signed version (it is no longer current; its title is kept).
    _post(coordinator_client, Declaration.objects.get(pk=signed.pk), text="<p>x</p>")
    assert client.get(signed.get_absolute_url()).status_code == 200
    # Even a signed version whose "gültig ab" lay in the future (entered before the
    # dates were checked) is in the archive.
    later = timezone.localdate() + datetime.timedelta(days=9)
    Declaration.objects.filter(pk=signed.pk).update(valid_from=later)
    response = client.get(signed.get_absolute_url())
    assert response.status_code == 200
    assert "Wir machen mit für Familien." in response.content.decode()
    # An unsigned version prepared for later is not public yet.
    prepared = DeclarationFactory(version="2030", valid_from=later)
    assert client.get(prepared.get_absolute_url()).status_code == 404
