import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from buendnis.models import Alliance
from partners.models import Signature
from tests.factories import AT_FOUNDING, DeclarationFactory, PartnerFactory
from tests.support.pdfs import (
    assert_a4,
    assert_edges_clear,
    assert_not_blank,
    pdf_text,
    queries,
    read_pdf,
    squeeze,
)


@pytest.fixture(autouse=True)
def declaration(db):
    """The version the founders signed (the directory's own fixture has a later one)."""
    return DeclarationFactory(
        version="2017-1", valid_from=datetime.date(2017, 11, 8), is_current=True
    )

URL = "/gruendungsurkunde.pdf"


def png_bytes(color=(29, 92, 140)):
    out = io.BytesIO()
    Image.new("RGB", (120, 80), color).save(out, format="PNG")
    return out.getvalue()


def test_url_name():
    assert reverse("partners:founding_certificate") == URL


def test_founding_certificate_shows_alliance_date_place_text_and_partners(
    client,
    alliance,
    founding_partners,
    tmp_path,
):
    founding_partners(5)
    PartnerFactory(
        name="Stadtbibliothek Papier",
        founding_partner=True,
        source=Signature.Source.PAPER,
        **AT_FOUNDING,
    )
    PartnerFactory(name="Später dazugekommen GmbH", **AT_FOUNDING)
    PartnerFactory(
        name="Unbestätigte Gründung e. V.",
        founding_partner=True,
        pending=True,
        **AT_FOUNDING,
    )

    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Gruendungsurkunde.pdf"'
    content = response.content
    assert content.startswith(b"%PDF-")
    assert_a4(content)
    assert len(read_pdf(content).pages) == 1
    text = squeeze(pdf_text(content))
    assert "GRÜNDUNGSURKUNDE" in text
    assert squeeze(alliance.name) in text
    assert squeeze("Gegründet am 8. November 2017 in Musterhausen, Bürgersaal im Rathaus") in text
    assert squeeze("Wir, die unterzeichnenden Organisationen") in text
    for name in ["Kita Regenbogen 1", "Pflegedienst Lindenhof 4", "Stadtbibliothek Papier"]:
        assert squeeze(name) in text
    assert "Später" not in text
    assert "Unbestätigte" not in text
    assert_not_blank(content, tmp_path)


def test_document_is_tagged_with_title_and_language(client, alliance):
    reader = read_pdf(client.get(URL).content)

    assert reader.metadata.title == f"Gründungsurkunde – {alliance.name}"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a PDF boolean
    assert "/StructTreeRoot" in reader.trailer["/Root"]


@pytest.mark.parametrize("count", [9, 12, 20, 30])
def test_up_to_thirty_founding_partners_fit_on_one_page(client, alliance, founding_partners, count):
    partners = founding_partners(count)

    content = client.get(URL).content

    assert len(read_pdf(content).pages) == 1
    text = squeeze(pdf_text(content))
    assert all(squeeze(partner.name) in text for partner in partners)


def test_many_founding_partners_continue_cleanly_on_a_second_page(
    client,
    alliance,
    founding_partners,
    tmp_path,
):
    partners = founding_partners(100)

    content = client.get(URL).content

    reader = read_pdf(content)
    assert len(reader.pages) == 2
    assert "Seite 2 von 2" in reader.pages[1].extract_text()
    assert "Fortsetzung" in reader.pages[1].extract_text()
    text = squeeze(pdf_text(content))
    for partner in partners:
        assert squeeze(partner.name) in text
    assert_edges_clear(content, tmp_path)


def test_very_long_names_wrap_inside_the_page(client, alliance, tmp_path):
    long_word = "Familienfreundlichkeitsförderungsgemeinschaft" * 4
    names = [f"{long_word} {number}" for number in range(8)]
    for name in names:
        PartnerFactory(name=name, founding_partner=True, **AT_FOUNDING)
    alliance.name = "Lokales Bündnis für Familie " + "Großgemeindeverbandsgebiet" * 6
    alliance.save()

    content = client.get(URL).content

    text = squeeze(pdf_text(content))
    for name in names:
        assert squeeze(name) in text
    assert squeeze(alliance.name) in text
    assert len(read_pdf(content).pages) <= 2
    assert_edges_clear(content, tmp_path)


def test_the_founding_text_is_rich_text_and_a_partners_name_plain_text(client, alliance):
    # The founding text comes from the admin's rich-text editor: formatting stays, a
    # script goes (buendnis.lib.sanitize); a partner's name is text, tags and all.
    alliance.founding_text = "<p>Wir gründen <b>fett</b> <script>alert('x')</script> das Bündnis.</p>"
    alliance.save()
    PartnerFactory(
        name="<i>Kursiv</i> & Co. KG",
        founding_partner=True,
        **AT_FOUNDING,
    )

    text = pdf_text(client.get(URL).content)

    assert "Wir gründen fett das Bündnis." in " ".join(text.split())
    assert "<b>" not in text
    assert "alert" not in text
    assert "<i>Kursiv</i> & Co. KG" in text


def test_without_founding_partners_says_so(client, alliance):
    text = pdf_text(client.get(URL).content)

    assert "Die Gründungspartner sind noch nicht eingetragen." in text


def test_logo_is_shown(client, alliance, tmp_path):
    alliance.logo.save("logo.png", ContentFile(png_bytes((200, 30, 30))))

    response = client.get(URL)

    assert response.status_code == 200
    page = read_pdf(response.content).pages[0]
    assert len(page.images) == 1


def test_missing_logo_file_falls_back_to_the_emblem(client, alliance, tmp_path):
    alliance.logo.name = "logos/gibt-es-nicht.png"
    alliance.save()

    content = client.get(URL).content

    assert squeeze(alliance.name) in squeeze(pdf_text(content))
    assert len(read_pdf(content).pages[0].images) == 0  # the emblem is vector graphics
    assert_not_blank(content, tmp_path)


def test_broken_logo_file_does_not_break_rendering(client, alliance, tmp_path):
    alliance.logo.save("kaputt.png", ContentFile(b"\x89PNG\r\n\x1a\n kein Bild"))

    response = client.get(URL)

    assert response.status_code == 200
    assert squeeze(alliance.name) in squeeze(pdf_text(response.content))


def test_not_blank_when_rendered(client, alliance, founding_partners, tmp_path):
    founding_partners(3)

    assert_not_blank(client.get(URL).content, tmp_path)


def test_only_get(client, alliance):
    response = client.post(URL)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_about_page_links_to_the_certificate(client, alliance):
    response = client.get(reverse("buendnis:about"))

    assert f'href="{URL}"' in response.content.decode()


def test_a_new_installation_serves_its_one_alliance(client, alliance):
    # `migrate` creates the one alliance, with the default name until it is filled in.
    Alliance.objects.filter(pk=alliance.pk).update(name="Lokales Bündnis für Familie")

    response = client.get(URL)

    assert response.status_code == 200
    assert "Lokales Bündnis für Familie" in pdf_text(response.content)


def test_building_it_costs_the_same_queries_for_5_or_500_founders(
    client, alliance, founding_partners, fake_weasyprint
):
    founding_partners(5)
    few = queries(client, "/gruendungsurkunde.pdf")
    founding_partners(495)

    assert queries(client, "/gruendungsurkunde.pdf") == few
