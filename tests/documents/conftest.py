"""Fixtures and PDF helpers for the document tests."""

import datetime
import io
import re
import subprocess
from unittest import mock

import pytest
import weasyprint
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from events.models import AgendaItem, Event, Minutes, Suggestion, Task
from partners.models import Declaration, Partner, Signature

A4 = (595.28, 841.89)  # points


@pytest.fixture
def declaration(db):
    return Declaration.objects.create(
        version="2017-1",
        title="Bündniserklärung",
        text="<p>Wir machen mit.</p>",
        valid_from=datetime.date(2017, 11, 8),
        is_current=True,
    )


@pytest.fixture
def make_partner(declaration):
    """An active partner (confirmed signature) unless `confirmed=False`."""
    counter = iter(range(1, 100_000))

    def make(name=None, *, founding=False, source=Signature.Source.ONLINE, confirmed=True, **fields):
        number = next(counter)
        partner = Partner.objects.create(
            name=name or f"Organisation {number}",
            slug=f"organisation-{number}",
            kind=Partner.Kind.ASSOCIATION,
            founding_partner=founding,
            **fields,
        )
        Signature.objects.create(
            partner=partner,
            declaration=declaration,
            signed_at=timezone.make_aware(datetime.datetime(2017, 11, 8, 11)),
            confirmed_at=(
                timezone.make_aware(datetime.datetime(2017, 11, 8, 12)) if confirmed else None
            ),
            source=source,
        )
        return partner

    return make


FOUNDING_NAMES = [
    "Kita Regenbogen",
    "Autohaus Beispiel GmbH",
    "Förderverein der Grundschule",
    "Pflegedienst Lindenhof",
    "Evangelische Kirchengemeinde St. Marien",
]


@pytest.fixture
def founding_partners(make_partner):
    def make(count):
        return [
            make_partner(f"{FOUNDING_NAMES[i % 5]} {i + 1}", founding=True, town="Musterhausen")
            for i in range(count)
        ]

    return make


@pytest.fixture
def plenary(db):
    start = timezone.make_aware(datetime.datetime(2025, 3, 12, 18))
    return Event.objects.create(
        title="Bündnistreffen 2025",
        slug="buendnistreffen-2025",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2, minutes=30),
        venue="Bürgersaal im Rathaus",
        address="Marktplatz 1, 12345 Musterhausen",
    )


@pytest.fixture
def make_minutes(plenary, make_partner):
    def make(*, items=3, approved=True, event=None, **fields):
        minutes = Minutes.objects.create(
            event=event or plenary,
            status=Minutes.Status.APPROVED if approved else Minutes.Status.DRAFT,
            approved_at=(
                timezone.make_aware(datetime.datetime(2025, 4, 2, 10)) if approved else None
            ),
            number_of_guests=12,
            recorded_by="Maria Beispiel",
            summary="Das Plenum zieht Bilanz.",
            **fields,
        )
        minutes.partners_present.set(
            [make_partner("Stadt Musterhausen"), make_partner("Familienzentrum am Marktplatz")]
        )
        for number in range(1, items + 1):
            item = AgendaItem.objects.create(
                minutes=minutes,
                position=number,
                title=f"Tagesordnungspunkt Nummer {number}",
                discussion=f"Aussprache zu Punkt {number}.",
                decisions=f"Beschluss zu Punkt {number}: einstimmig angenommen.",
            )
            Task.objects.create(
                agenda_item=item,
                description=f"Aufgabe aus Punkt {number}",
                responsible="Geschäftsstelle",
                due_on=datetime.date(2025, 5, 1),
            )
        Suggestion.objects.create(text="Mehr Ferienangebote für Jugendliche.", event=minutes.event)
        return minutes

    return make


@pytest.fixture
def weasyprint_calls(monkeypatch):
    """Counts how often WeasyPrint renders; rendering still happens."""
    counting = mock.Mock(wraps=weasyprint.HTML)
    monkeypatch.setattr(weasyprint, "HTML", counting)
    return counting


def read_pdf(content):
    assert content[:5] == b"%PDF-", content[:20]
    return PdfReader(io.BytesIO(content))


def pdf_text(content):
    return "\n".join(page.extract_text() for page in read_pdf(content).pages)


def squeeze(text):
    """Text without white space and hyphens, so wrapped and hyphenated words match."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def assert_a4(content):
    for page in read_pdf(content).pages:
        box = page.mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (595.3, 841.9)


def page_images(content, tmp_path, resolution=40):
    """Every page rendered to PNG by pdftoppm (poppler)."""
    source = tmp_path / "document.pdf"
    source.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", source, tmp_path / "page"], check=True
    )
    return [Image.open(path).convert("L") for path in sorted(tmp_path.glob("page-*.png"))]


def ink(image, box=None):
    """How many pixels in `box` (or the whole image) are not white."""
    region = image.crop(box) if box else image
    return sum(1 for value in region.get_flattened_data() if value < 200)


def assert_not_blank(content, tmp_path):
    first = page_images(content, tmp_path)[0]
    assert ink(first) > 2000, "first page is blank"


def assert_edges_clear(content, tmp_path, margin_mm=6):
    """Nothing is drawn in the outer strip of any page: no text runs off the sheet."""
    for number, image in enumerate(page_images(content, tmp_path), start=1):
        strip = round(image.width * margin_mm / 210)
        width, height = image.size
        for box in [
            (0, 0, strip, height),
            (width - strip, 0, width, height),
            (0, 0, width, strip),
            (0, height - strip, width, height),
        ]:
            assert ink(image, box) == 0, f"page {number}: something is drawn at the edge {box}"
