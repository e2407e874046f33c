import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from partners.documents import NoCertificate, certificate_filename, partner_certificate_file
from partners.models import Signature
from tests.factories import AT_FOUNDING, DeclarationFactory, PartnerFactory, SignatureFactory
from tests.support.pdfs import (
    assert_a4,
    assert_edges_clear,
    assert_not_blank,
    pdf_text,
    read_pdf,
    squeeze,
)


@pytest.fixture(autouse=True)
def declaration(db):
    """The version the founders signed (the directory's own fixture has a later one)."""
    return DeclarationFactory(
        version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True
    )


def test_certificate_names_partner_date_declaration_and_coordinator(alliance, tmp_path):
    partner = PartnerFactory(name="Autohaus Beispiel GmbH", **AT_FOUNDING)

    content = partner_certificate_file(partner).content

    assert content.startswith(b"%PDF-")
    assert_a4(content)
    reader = read_pdf(content)
    assert len(reader.pages) == 1
    assert reader.metadata.title == "Urkunde Bündnispartner – Autohaus Beispiel GmbH"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    text = pdf_text(content)
    for expected in [
        "Urkunde",
        "Autohaus Beispiel GmbH",
        "ist seit dem 8. November 2017 Partner des Bündnisses",
        alliance.name,
        "Fassung 2017-1 vom 8. November 2017",
        "Musterhausen, 8. November 2017",
        "Maria Beispiel",
        "Koordinatorin des Bündnisses",
    ]:
        assert squeeze(expected) in squeeze(text), expected
    assert_not_blank(content, tmp_path)


def test_date_and_version_of_the_current_membership_period(alliance):
    partner = PartnerFactory(name="Wiederkehrer e. V.", **AT_FOUNDING)
    partner.signatures.update(withdrawn_at=timezone.now())
    newer = DeclarationFactory(
        version="2024", text="<p>Neu</p>", valid_from=datetime.date(2024, 1, 1)
    )
    signed = timezone.make_aware(datetime.datetime(2024, 6, 3, 9))
    SignatureFactory(
        partner=partner,
        declaration=newer,
        signed_at=signed,
        confirmed_at=signed,
        source=Signature.Source.PAPER,
    )

    text = squeeze(pdf_text(partner_certificate_file(partner).content))

    assert squeeze("ist seit dem 3. Juni 2024") in text
    assert squeeze("Fassung 2024 vom 1. Januar 2024") in text


@pytest.mark.parametrize("state", ["unconfirmed", "withdrawn"])
def test_only_active_partners_have_a_certificate(alliance, state):
    partner = PartnerFactory(
        membership="active" if state != 'unconfirmed' else "unconfirmed",
        **AT_FOUNDING,
    )
    if state == "withdrawn":
        partner.signatures.update(withdrawn_at=timezone.now())

    with pytest.raises(NoCertificate):
        partner_certificate_file(partner)


def test_very_long_name_stays_on_one_page(alliance, tmp_path):
    name = "Gemeinnützige Familienbildungs- und Begegnungsstätten" + "gesellschaft" * 12 + " mbH"
    partner = PartnerFactory(name=name[:200], **AT_FOUNDING)

    content = partner_certificate_file(partner).content

    assert len(read_pdf(content).pages) == 1
    assert squeeze(name[:200]) in squeeze(pdf_text(content))
    assert_edges_clear(content, tmp_path)


def test_html_in_the_name_appears_as_text(alliance):
    partner = PartnerFactory(name="<b>Fett</b> & <script>alert(1)</script>", **AT_FOUNDING)

    text = pdf_text(partner_certificate_file(partner).content)

    assert squeeze("<b>Fett</b> & <script>alert(1)</script>") in squeeze(text)


def png(color):
    out = io.BytesIO()
    Image.new("RGB", (90, 60), color).save(out, format="PNG")
    return out.getvalue()


def test_partner_logo_is_shown(alliance):
    partner = PartnerFactory(name="Mit Logo GmbH", **AT_FOUNDING)
    partner.logo.save("logo.png", ContentFile(png((10, 120, 60))))

    assert len(read_pdf(partner_certificate_file(partner).content).pages[0].images) == 1


def test_broken_or_missing_logo_is_left_out(alliance):
    broken = PartnerFactory(name="Kaputtes Logo GmbH", **AT_FOUNDING)
    broken.logo.save("logo.png", ContentFile(b"GIF89a kaputt"))
    missing = PartnerFactory(name="Fehlendes Logo GmbH", **AT_FOUNDING)
    missing.logo.name = "logos/weg.png"
    missing.save()

    for partner in (broken, missing):
        content = partner_certificate_file(partner).content
        assert partner.name in pdf_text(content)
        assert len(read_pdf(content).pages[0].images) == 0


def test_file_name():
    assert certificate_filename(PartnerFactory(name="Kita „Sonnenschein“ e. V.", **AT_FOUNDING)) == (
        "Urkunde-kita-sonnenschein-e-v.pdf"
    )
