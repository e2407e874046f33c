import time
from unittest import mock

import pytest
from django.core import mail

from partners import links
from partners.models import Partner
from tests.factories import PartnerFactory
from tests.partners.conftest import links_in, png_upload

REQUEST_URL = "/partner/verwalten/"


@pytest.fixture
def partner(declaration):
    return PartnerFactory(
        name="Bäckerei Korn",
        contact_email="korn@example.org",
        town="Lindenau",
        description="Wir backen.",
        contribution="Brot.",
    )


def manage_data(partner, **overrides):
    data = {
        "name": partner.name,
        "kind": partner.kind,
        "town": partner.town,
        "website": partner.website,
        "description": partner.description,
        "contribution": partner.contribution,
        "contact_name": partner.contact_name,
        "contact_email": partner.contact_email,
        "contact_phone": partner.contact_phone,
        "wants_listing": "on" if partner.wants_listing else "",
    }
    data.update(overrides)
    return data


def test_request_page_has_a_form(client, db):
    response = client.get(REQUEST_URL)
    assert response.status_code == 200
    assert "E-Mail-Adresse der Ansprechperson" in response.content.decode()


def test_known_address_gets_a_link_unknown_gets_nothing_and_pages_match(client, partner):
    known = client.post(REQUEST_URL, {"email": "KORN@example.org "})
    unknown = client.post(REQUEST_URL, {"email": "wer@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/partner/verwalten/gesendet/"
    [message] = mail.outbox
    assert message.to == ["korn@example.org"]
    assert "24 Stunden" in message.body
    [link] = links_in(message)
    assert link.startswith("/partner/verwalten/")
    assert "Wenn diese Adresse zu einem Partner gehört" in client.get(known["Location"]).content.decode()


@pytest.mark.parametrize("status", ["unconfirmed", "withdrawn"])
def test_inactive_partners_get_no_link(client, declaration, status):
    PartnerFactory(
        name="Inaktiv",
        membership=status,
        contact_email="inaktiv@example.org",
    )
    response = client.post(REQUEST_URL, {"email": "inaktiv@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_invalid_address_gets_a_message(client, partner):
    response = client.post(REQUEST_URL, {"email": "kein@"})
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in response.content.decode()
    assert mail.outbox == []


def test_honeypot_sends_nothing(client, partner):
    response = client.post(REQUEST_URL, {"email": "korn@example.org", "homepage": "x"})
    assert response.status_code == 200
    assert "sieht nach automatisch erzeugtem Spam aus" in response.content.decode()
    assert mail.outbox == []


def test_request_rate_limit_per_ip_and_per_address(client, partner, settings):
    settings.RATELIMIT_PER_HOUR = 2
    for _ in range(2):
        client.post(REQUEST_URL, {"email": "korn@example.org"})
    assert client.post(REQUEST_URL, {"email": "korn@example.org"}).status_code == 429
    response = client.post(REQUEST_URL, {"email": "korn@example.org"}, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert len(mail.outbox) == 2


def test_management_page_shows_the_entry(client, partner):
    response = client.get(links.management_path(partner))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Eintrag von Bäckerei Korn verwalten" in content
    assert 'value="korn@example.org"' in content
    assert "Austritt erklären" in content
    assert "no-cache" in response["Cache-Control"]


def test_edit_saves_and_marks_entry_current(client, partner):
    url = links.management_path(partner)
    response = client.post(url, manage_data(partner, description="Neu: <b>Bio</b>-Brot", town="Birkenfeld"))
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.description == "Neu: <b>Bio</b>-Brot"
    assert partner.town == "Birkenfeld"
    assert partner.entry_confirmed_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Ihre Änderungen sind gespeichert." in page
    public = client.get(partner.get_absolute_url()).content.decode()
    assert "Neu: &lt;b&gt;Bio&lt;/b&gt;-Brot" in public


def test_edit_refuses_bad_input(client, partner):
    url = links.management_path(partner)
    response = client.post(url, manage_data(partner, name="", contact_email="nix", website="ftp//x"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "contact_email", "website"}
    partner.refresh_from_db()
    assert partner.name == "Bäckerei Korn"


def test_logo_is_replaced_and_old_file_deleted(client, partner):
    partner.logo.save("alt.png", png_upload())
    old = partner.logo.name
    storage = partner.logo.storage
    url = links.management_path(partner)
    client.post(url, {**manage_data(partner), "logo": png_upload("neu.png", colour="blue")})
    partner.refresh_from_db()
    assert partner.logo.name != old
    assert storage.exists(partner.logo.name)
    assert not storage.exists(old)


def test_bad_logo_is_refused_on_management_page(client, partner):
    url = links.management_path(partner)
    response = client.post(url, {**manage_data(partner), "logo": png_upload("x.gif", image_format="GIF")})
    assert "PNG, JPEG oder WebP" in " ".join(response.context["form"].errors["logo"])


def test_changing_the_contact_ends_the_old_link(client, partner):
    url = links.management_path(partner)
    response = client.post(url, manage_data(partner, contact_name="Neue Person",
                                            contact_email="neu@example.org"))
    assert response.status_code == 302
    assert response["Location"] != url
    # The person who made the change continues with a fresh link ...
    assert client.get(response["Location"]).status_code == 200
    # ... the old one no longer works.
    assert client.get(url).status_code == 410
    partner.refresh_from_db()
    assert partner.contact_email == "neu@example.org"


def test_hiding_and_showing_the_entry(client, partner):
    url = links.management_path(partner)
    client.post(url, manage_data(partner, wants_listing=""))
    partner.refresh_from_db()
    assert (partner.wants_listing, partner.listed) == (False, False)
    assert client.get(partner.get_absolute_url()).status_code == 404
    client.post(url, manage_data(partner, wants_listing="on"))
    partner.refresh_from_db()
    assert (partner.wants_listing, partner.listed) == (True, True)


def test_confirm_entry_is_post_only(client, partner):
    url = links.management_path(partner) + "aktuell/"
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    partner.refresh_from_db()
    assert partner.entry_confirmed_at is not None


def test_management_link_expires_after_24_hours(client, partner):
    a_day_ago = time.time() - 25 * 3600
    with mock.patch("django.core.signing.time.time", return_value=a_day_ago):
        url = links.management_path(partner)
    response = client.post(url, manage_data(partner, name="Übernommen"))
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    partner.refresh_from_db()
    assert partner.name == "Bäckerei Korn"


def test_long_lived_link_for_mailings_lasts_30_days(client, partner):
    three_weeks_ago = time.time() - 21 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=three_weeks_ago):
        link = links.management_link(partner, long_lived=True)
    assert link.startswith("http://testserver/partner/verwalten/")
    assert client.get(link.removeprefix("http://testserver")).status_code == 200


@pytest.mark.parametrize("suffix", ["", "aktuell/", "austreten/"])
def test_tampered_or_foreign_tokens_are_refused(client, partner, suffix):
    confirm_token = links.confirmation_link(partner.signatures.get()).split("/")[-2]
    for token in ("kaputt", links.management_path(partner).split("/")[-2][:-2] + "zz", confirm_token):
        response = client.post(f"/partner/verwalten/{token}/{suffix}", manage_data(partner, name="X"))
        assert response.status_code == 400, token
        assert "ungültig" in response.content.decode()
    partner.refresh_from_db()
    assert partner.name == "Bäckerei Korn"
    assert partner.is_member


def test_token_of_another_partner_does_not_open_this_one(client, partner):
    other = PartnerFactory(name="Andere", contact_email="andere@example.org")
    response = client.get(links.management_path(other))
    assert "Eintrag von Andere verwalten" in response.content.decode()
    assert "Bäckerei Korn" not in response.content.decode()
    assert Partner.objects.count() == 2


def test_pending_partner_cannot_manage(client, declaration):
    pending = PartnerFactory(name="Wartend", pending=True)
    response = client.get(links.management_path(pending))
    assert response.status_code == 410
    assert "Dieser Link wurde bereits verwendet" in response.content.decode()
    assert "Wartend" not in response.content.decode()
