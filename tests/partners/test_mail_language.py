"""A partner's e-mails and certificate in the language it used.

Signing online in a language keeps it (signature and partner); the confirmation, the
welcome with the certificate, the goodbye and the yearly check come in it, links
included; the management link in the language it was asked for. Texts are compared
with `gettext` under the same language (the catalogues are still being written); what
Django already knows in every language (month names) and the links show the language
for certain. The coordination's e-mails stay German.
"""

import datetime
import re
import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from partners import services, yearly_check
from partners.documents import partner_certificate_file
from partners.links import management_path, signature_from_token
from partners.models import Partner
from tests.factories import AT_FOUNDING, DeclarationFactory, PartnerFactory
from tests.partners.conftest import sign_data
from tests.partners.test_manage import manage_data
from tests.support.pdfs import pdf_text, read_pdf, squeeze

LINK = re.compile(r"https?://\S+")


def _sign(client, language):
    with translation.override(language):
        url = reverse("partners:sign")
    return client.post(url, sign_data(), HTTP_ACCEPT_LANGUAGE=language)


def _token(link):
    return link.rstrip("/").rsplit("/", 1)[-1]


def test_signing_in_arabic_keeps_arabic_for_the_partners_mails(client, declaration):
    _sign(client, "ar")

    partner = Partner.objects.get()
    signature = partner.signatures.get()
    assert (partner.language, signature.language) == ("ar", "ar")
    [confirmation] = mail.outbox
    assert confirmation.extra_headers["Content-Language"] == "ar"
    with translation.override("ar"):
        assert confirmation.subject == gettext(
            "Bitte bestätigen: %(name)s unterzeichnet die Bündniserklärung"
        ) % {"name": partner.name}
        confirm_path = reverse("partners:confirm", kwargs={"token": "TOKEN"}).replace("TOKEN/", "")
    [link] = [url for url in LINK.findall(confirmation.body) if "/bestaetigen/" in url]
    assert confirm_path in link
    assert signature_from_token(_token(link)) == signature

    mail.outbox.clear()
    with translation.override("de"):  # the worker confirms and welcomes in German context
        services.confirm(signature)
    by_address = {message.to[0]: message for message in mail.outbox}
    coordination = by_address.pop("koordination@example.org")
    assert coordination.extra_headers["Content-Language"] == "de"
    assert "unterzeichnet" in coordination.body and "In der Verwaltung:" in coordination.body
    [welcome] = by_address.values()
    assert welcome.extra_headers["Content-Language"] == "ar"
    with translation.override("ar"):
        assert welcome.subject == gettext("Willkommen im Bündnis, %(name)s!") % {"name": partner.name}
        assert reverse("partners:manage_request") in welcome.body
    [(filename, content, mimetype)] = welcome.attachments
    assert mimetype == "application/pdf"
    assert read_pdf(content).trailer["/Root"]["/Lang"] == "ar"

    mail.outbox.clear()
    services.withdraw(Partner.objects.get())
    by_address = {message.to[0]: message for message in mail.outbox}
    goodbye = by_address["erika@holzwurm.example.org"]
    assert goodbye.extra_headers["Content-Language"] == "ar"
    withdrawal = by_address["koordination@example.org"]
    assert withdrawal.extra_headers["Content-Language"] == "de"
    assert "/verwaltung/partners/partner/" in withdrawal.body
    with translation.override("ar"):
        assert goodbye.subject == gettext("Ihr Austritt aus dem Bündnis")
        assert reverse("partners:sign") in goodbye.body


def test_the_management_link_comes_in_the_language_it_was_asked_in(client, declaration):
    PartnerFactory(name="Bäckerei Korn", contact_email="korn@example.org", language="de")
    with translation.override("uk"):
        url = reverse("partners:manage_request")
    client.post(url, {"email": "korn@example.org"}, HTTP_ACCEPT_LANGUAGE="uk")

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "uk"
    with translation.override("uk"):
        assert message.subject == gettext("Ihr Link zum Eintrag von %(name)s") % {"name": "Bäckerei Korn"}
        manage = reverse("partners:manage", kwargs={"token": "T"}).removesuffix("T/")
    assert any(manage in link for link in LINK.findall(message.body))


def test_signing_again_in_turkish_answers_in_turkish(client, declaration):
    PartnerFactory(name="Tischlerei Holzwurm", contact_email="erika@holzwurm.example.org")
    _sign(client, "tr")

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "tr"
    assert Partner.objects.get().language == "de"  # the stored partner keeps its language


def test_the_yearly_check_in_the_partners_language(declaration):
    partner = PartnerFactory(contact_email="en@example.org", language="en")
    with translation.override("de"):
        message = yearly_check.send_reminder(partner)
    assert message.extra_headers["Content-Language"] == "en"
    with translation.override("en"):
        assert message.subject == gettext("Bitte prüfen Sie Ihren Eintrag im %(alliance_name)s") % {
            "alliance_name": partner.alliance.name
        }
        manage = reverse("partners:manage", kwargs={"token": "T"}).removesuffix("T/")
    assert manage in message.body


def test_a_paper_signature_is_german(declaration):
    partner = PartnerFactory(paper=True)
    assert partner.language == "de"
    assert partner.signatures.get().language == "de"


# --- the certificate in Arabic ---------------------------------------------------------

# The partner's name in Arabic with a number; no lam-alef pairs, which the font joins into
# one glyph that text extraction splits in visual order.
ARABIC_NAME = "جمعية العائلة 24"


@pytest.fixture
def arabic_certificate(alliance):
    DeclarationFactory(version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True)
    partner = PartnerFactory(name=ARABIC_NAME, language="ar", **AT_FOUNDING)
    return partner_certificate_file(partner).content


def test_the_certificate_of_an_arabic_partner_is_arabic_and_right_to_left(arabic_certificate):
    reader = read_pdf(arabic_certificate)
    assert len(reader.pages) == 1
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    with translation.override("ar"):
        title = gettext("Urkunde Bündnispartner – %(name)s") % {"name": ARABIC_NAME}
    assert reader.metadata.title == title
    text = pdf_text(arabic_certificate)
    # Django's Arabic date: "8 نوفمبر، 2017" (the day, the month's Arabic name, the year).
    assert "نوفمبر" in text
    assert "November" not in text
    assert "2017" in text and "24" in text


def _words_by_line(content, tmp_path):
    """Each line's words with their x positions (pdftotext -bbox-layout, poppler)."""
    source = tmp_path / "certificate.pdf"
    source.write_bytes(content)
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", source, "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = []
    for line in re.findall(r"<line [^>]*>(.*?)</line>", html, re.S):
        words = re.findall(r'<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', line)
        lines.append([(float(x_min), float(x_max), word) for x_min, x_max, word in words])
    return lines


def _logical(word):
    """A word as read: poppler gives an Arabic word's letters from left to right."""
    return word[::-1] if re.search(r"[\u0600-\u06ff]", word) else word


def test_arabic_words_and_digits_come_in_logical_order(arabic_certificate, tmp_path):
    """Read right to left, the name's line is "جمعية", "العائلة", "24"; the date's line
    "8", "نوفمبر،", "2017": the digits whole and after the words they follow."""
    lines = _words_by_line(arabic_certificate, tmp_path)

    def read_right_to_left(line):
        words = sorted(line, key=lambda word: -word[1])
        return [_logical(word) for _x_min, _x_max, word in words if word != "،"]

    readings = [read_right_to_left(line) for line in lines]
    assert ["جمعية", "العائلة", "24"] in readings, readings
    dates = [reading for reading in readings if "نوفمبر،" in reading or "نوفمبر" in reading]
    assert dates, readings
    for reading in dates:
        month = reading.index("نوفمبر،" if "نوفمبر،" in reading else "نوفمبر")
        assert reading[month - 1] == "8" and reading[month + 1] == "2017", reading
    # Also in the plain text pdftotext gives: no digits turned round.
    assert "7102" not in squeeze(pdf_text(arabic_certificate))


def test_the_partner_chooses_the_language_of_its_mails_on_its_page(client, declaration):
    partner = PartnerFactory(name="Bäckerei Korn", contact_email="korn@example.org")
    url = management_path(partner)
    page = client.get(url).content.decode()
    assert "Sprache unserer E-Mails" in page
    assert "Türkçe" in page and "العربية" in page

    client.post(url, manage_data(partner, language="tr"))
    partner.refresh_from_db()
    assert partner.language == "tr"

    client.post(url, manage_data(partner))  # without the field: unchanged
    partner.refresh_from_db()
    assert partner.language == "tr"

    response = client.post(url, manage_data(partner, language="xx"))
    partner.refresh_from_db()
    assert partner.language == "tr"
    assert response.status_code == 200


def test_the_coordination_sets_a_partners_language_in_the_admin(coordinator_client, declaration):
    partner = PartnerFactory(name="Bäckerei Korn", language="uk")
    page = coordinator_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    content = page.content.decode()
    assert 'name="language"' in content
    assert '<option value="uk" selected>Українська</option>' in content
