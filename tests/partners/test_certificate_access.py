"""Where a partner certificate can be had: admin, personal link, welcome e-mail."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partners import links, services
from partners.models import Signature
from tests.factories import AT_FOUNDING, DeclarationFactory, PartnerFactory
from tests.support.accounts import staff_account
from tests.support.pdfs import pdf_text, squeeze
from tests.support.responses import assert_login_required


@pytest.fixture(autouse=True)
def declaration(db):
    """The version the founders signed (the directory's own fixture has a later one)."""
    return DeclarationFactory(
        version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True
    )


@pytest.fixture
def coordinator(db):
    return User.objects.create_superuser("koordination", "k@example.org", "geheim-geheim-123")


def admin_url(partner):
    return reverse("admin:partners_partner_certificate", args=[partner.pk])


def test_admin_change_page_offers_the_download(client, alliance, coordinator):
    partner = PartnerFactory(name="Kita Regenbogen", **AT_FOUNDING)
    client.force_login(coordinator)

    page = client.get(reverse("admin:partners_partner_change", args=[partner.pk]))

    assert f'href="{admin_url(partner)}"' in page.content.decode()


def test_admin_downloads_the_certificate(client, alliance, coordinator):
    partner = PartnerFactory(name="Kita Regenbogen", **AT_FOUNDING)
    client.force_login(coordinator)

    response = client.get(admin_url(partner))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Urkunde-kita-regenbogen.pdf"'
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "Kita Regenbogen" in pdf_text(response.content)


def test_admin_explains_why_an_inactive_partner_has_none(client, alliance, coordinator):
    partner = PartnerFactory(name="Noch nicht bestätigt", pending=True, **AT_FOUNDING)
    client.force_login(coordinator)

    page = client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    assert "nur für aktive Partner" in page.content.decode()
    response = client.get(admin_url(partner), follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "admin:partners_partner_change", args=[partner.pk]
    )
    assert "Eine Urkunde gibt es nur für aktive Partner" in response.content.decode()


def test_admin_download_needs_login_and_permission(client, alliance):
    partner = PartnerFactory(**AT_FOUNDING)

    assert_login_required(client.get(admin_url(partner)))

    staff = staff_account("gast", "g@example.org", "geheim-geheim-123", is_staff=True)
    client.force_login(staff)
    assert client.get(admin_url(partner)).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="view_partner"))
    response = client.get(admin_url(partner))
    assert response.status_code == 200
    assert partner.name in pdf_text(response.content)


def test_management_page_links_to_the_certificate(client, alliance):
    partner = PartnerFactory(name="Kita Regenbogen", **AT_FOUNDING)
    manage = links.management_path(partner)
    token = manage.rstrip("/").rsplit("/", 1)[1]

    page = client.get(manage)

    url = reverse("partners:certificate", kwargs={"token": token})
    assert f'href="{url}"' in page.content.decode()
    assert "Urkunde herunterladen" in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Urkunde-kita-regenbogen.pdf"'
    assert "Kita Regenbogen" in pdf_text(response.content)


def test_personal_download_refuses_bad_and_spent_links(client, alliance):
    partner = PartnerFactory(name="Kita Regenbogen", **AT_FOUNDING)
    token = links.management_path(partner).rstrip("/").rsplit("/", 1)[1]

    bad = client.get(reverse("partners:certificate", kwargs={"token": "gefaelscht"}))
    assert bad.status_code == 400
    assert bad["Content-Type"].startswith("text/html")

    partner.signatures.update(withdrawn_at=timezone.now())
    spent = client.get(reverse("partners:certificate", kwargs={"token": token}))
    assert spent.status_code == 410


def test_welcome_email_carries_the_certificate(alliance):
    partner = PartnerFactory(
        name="Tischlerei Holzwurm",
        pending=True,
        contact_email="t@example.org",
        **AT_FOUNDING,
    )
    signature = partner.signatures.get()

    services.confirm(signature)

    welcome = next(message for message in mail.outbox if message.to == ["t@example.org"])
    [(filename, content, mimetype)] = welcome.attachments
    assert filename == "Urkunde-tischlerei-holzwurm.pdf"
    assert mimetype == "application/pdf"
    text = squeeze(pdf_text(content))
    assert squeeze("Tischlerei Holzwurm") in text
    # Membership counts from the signature, not from the confirming click.
    assert squeeze("ist seit dem 8. November 2017") in text
    assert "Im Anhang finden Sie Ihre Urkunde" in welcome.body


def test_welcome_email_goes_out_even_if_the_pdf_fails(alliance, logged_errors):
    partner = PartnerFactory(
        name="Tischlerei Holzwurm",
        pending=True,
        contact_email="t@example.org",
        **AT_FOUNDING,
    )

    with mock.patch("partners.documents.partner_certificate_file", side_effect=OSError("kaputt")):
        services.confirm(partner.signatures.get())

    welcome = next(message for message in mail.outbox if message.to == ["t@example.org"])
    assert welcome.attachments == []
    assert "Im Anhang" not in welcome.body
    assert logged_errors.messages() == [f"Urkunde für Partner {partner.pk} konnte nicht erstellt werden"]
    assert partner.signatures.get().status == Signature.Status.ACTIVE
