"""Demo data: a year of the alliance's finances (this year, up to today).

A budget of four categories, a grant of the county with two payments, donations (one of
a private person, whose name never appears publicly), a partner's contribution in kind,
and expenses with small generated receipts (PDF and PNG); one expense above the
threshold waits for the steering group's approval. Runs once: an alliance with entries
keeps them (entries are never changed).
"""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from arbeitsgruppen.models import Project, WorkingGroup
from finances import services
from finances.models import AnnualReport, BudgetLine, Category, Entry, FinanceSettings, Grant

CATEGORIES = [
    ("personal", "Personal und Honorare", 1, "6000.00"),
    ("veranstaltungen", "Veranstaltungen", 2, "2500.00"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit", 3, "1800.00"),
    ("sachkosten", "Sachkosten", 4, "700.00"),
]

# day of the year's elapsed part (0 … 1), kind, fields
ENTRIES = [
    (0.05, "income", {"source": "grant", "amount": "4000.00", "counterparty": "Landkreis Musterhausen"}),
    (0.10, "income", {"source": "donation", "amount": "500.00", "counterparty": "Sparkasse Musterhausen"}),
    (
        0.15,
        "spending",
        {
            "category": "oeffentlichkeitsarbeit",
            "amount": "189.90",
            "grant": True,
            "counterparty": "Druckerei Korn",
            "note": "Flyer für das Plenum",
            "receipt": "pdf",
        },
    ),
    (
        0.25,
        "income",
        {
            "source": "donation",
            "amount": "50.00",
            "counterparty": "Erika Mustermann",
            "counterparty_is_private": True,
        },
    ),
    (
        0.35,
        "spending",
        {
            "category": "veranstaltungen",
            "amount": "236.50",
            "grant": True,
            "counterparty": "Bäckerei am Markt",
            "note": "Bewirtung Plenum",
            "receipt": "png",
        },
    ),
    (
        0.45,
        "income",
        {
            "source": "in_kind",
            "amount": "300.00",
            "counterparty": "Stadtwerke Musterhausen",
            "note": "Raum für den Familientag",
        },
    ),
    (
        0.55,
        "spending",
        {
            "category": "sachkosten",
            "amount": "42.80",
            "counterparty": "Bürobedarf Schulz",
            "note": "Papier und Toner",
            "receipt": "png",
        },
    ),
    (0.60, "income", {"source": "grant", "amount": "2000.00", "counterparty": "Landkreis Musterhausen"}),
    (
        0.70,
        "spending",
        {
            "category": "personal",
            "amount": "1200.00",
            "grant": True,
            "counterparty": "Moderation Weber",
            "note": "Moderation der Zukunftswerkstatt",
            "receipt": "pdf",
        },
    ),
    (0.80, "income", {"source": "contribution", "amount": "250.00", "counterparty": "Autohaus Adler"}),
]


def receipt_pdf(title, amount):
    """A one-page PDF receipt, written by hand (no renderer needed for the demo)."""
    text = f"BT /F1 14 Tf 60 760 Td (Rechnung: {title}) Tj 0 -24 Td (Betrag: {amount} EUR) Tj ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return ContentFile(out.getvalue(), name="beleg.pdf")


def receipt_png(title, amount):
    image = Image.new("RGB", (420, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 30), f"Quittung: {title}", fill="black")
    draw.text((20, 70), f"Betrag: {amount} EUR", fill="black")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return ContentFile(out.getvalue(), name="beleg.png")


def _day(year, fraction):
    start = datetime.date(year, 1, 1)
    elapsed = (timezone.localdate() - start).days
    return start + datetime.timedelta(days=int(elapsed * fraction))


def load(stdout):
    FinanceSettings.current()
    if Entry.objects.exists():
        stdout.write("Finanzen: vorhanden.")
        return
    year = timezone.localdate().year
    categories = {}
    for slug, name, position, planned in CATEGORIES:
        categories[slug] = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )[0]
        BudgetLine.objects.create(year=year, category=categories[slug], planned=Decimal(planned))
    group = WorkingGroup.objects.order_by("pk").first()
    if group is not None:
        BudgetLine.objects.create(
            year=year,
            category=categories["veranstaltungen"],
            working_group=group,
            planned=Decimal("800.00"),
            note="Familientag der AG",
        )
    project = Project.objects.order_by("pk").first()
    grant = Grant.objects.create(
        funder="Landkreis Musterhausen",
        purpose="Familienfreundlicher Landkreis: Plenum und Zukunftswerkstatt",
        reference="FB 4-2024-17",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        granted=Decimal("6000.00"),
    )
    for fraction, direction, fields in ENTRIES:
        fields = dict(fields)
        receipt = fields.pop("receipt", None)
        entry = Entry(
            direction=direction,
            booked_on=_day(year, fraction),
            amount=Decimal(fields.pop("amount")),
            **{k: v for k, v in fields.items() if k not in {"category", "grant"}},
        )
        entry.category = categories.get(fields.get("category"))
        entry.grant = grant if fields.get("grant") or entry.source == "grant" else None
        entry.project = project if entry.category_id and project is not None and fraction > 0.6 else None
        if receipt:
            entry.receipt = (receipt_pdf if receipt == "pdf" else receipt_png)(entry.note, entry.amount)
        services.book(entry, None)
    AnnualReport.objects.get_or_create(
        year=year,
        defaults={
            "foreword": "Ein Jahr, in dem das Bündnis gewachsen ist: neue Partner, eine "
            "Zukunftswerkstatt und ein Familientag, getragen vom Landkreis und vielen Spenden."
        },
    )
    stdout.write("Finanzen: Haushaltsplan, Zuwendung, Einnahmen und Ausgaben mit Belegen angelegt.")
