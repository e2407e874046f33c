"""Reading the portal's PDFs in tests: text (pypdf), pages as images (pdftoppm)."""

import io
import re
import subprocess

from PIL import Image
from pypdf import PdfReader

A4 = (595.28, 841.89)  # points


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


def queries(client, url):
    """How many database queries a GET of `url` costs (it must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)
