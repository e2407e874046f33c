"""The shared rendering function: local files only, fonts, tagging, print stylesheet."""

import socket

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from buendnis.lib import pdf, pdf_engine
from tests.support.pdfs import pdf_text, read_pdf


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access while rendering a PDF")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def html_template(monkeypatch):
    """Render `html` instead of a template file."""

    def use(html):
        monkeypatch.setattr(pdf, "render_to_string", lambda name, context: html)

    return use


def document(body):
    return f'<!DOCTYPE html><html lang="de"><head><title>Test</title></head><body>{body}</body></html>'


def test_static_and_media_files_are_read_from_disk(settings):
    default_storage.save("logos/a.png", ContentFile(b"png"))

    assert pdf_engine.local_file("http://testserver/static/pdf/print.css").name == "print.css"
    assert pdf_engine.local_file("http://testserver/media/logos/a.png").read_bytes() == b"png"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/static/pdf/print.css",
        "https://testserver/static/pdf/print.css",
        "file:///etc/passwd",
        "http://testserver/media/../../etc/passwd",
        "http://testserver/media/%2e%2e/%2e%2e/etc/passwd",
        "http://testserver/static/../portal/settings.py",
        "http://testserver/verwaltung/",
        "http://testserver/media/logos/gibt-es-nicht.png",
        "data:text/plain,hallo",
    ],
)
def test_everything_else_is_refused(url, settings):
    assert pdf_engine.local_file(url) is None
    with pytest.raises(ValueError):
        pdf_engine.PortalURLFetcher().fetch(url)


def test_rendering_never_touches_the_network(db, html_template, no_network, logged_errors):
    html_template(
        document(
            '<img src="http://example.org/tracker.png" alt="">'
            '<link rel="stylesheet" href="https://example.org/font.css">'
            '<img src="file:///etc/hostname" alt=""><p>Trotzdem gerendert</p>'
        )
    )

    content = pdf.render_pdf("egal.html", {})

    assert "Trotzdem gerendert" in pdf_text(content)
    assert len(read_pdf(content).pages[0].images) == 0
    # WeasyPrint reports each refused address and goes on.
    refused = " ".join(logged_errors.messages())
    for url in ("http://example.org/tracker.png", "https://example.org/font.css", "file:///etc/hostname"):
        assert url in refused


def test_fonts_are_embedded_dejavu(db, html_template):
    html_template(document("<h1>Überschrift</h1><p>Fließtext mit Umlauten: äöü ß €</p>"))

    reader = read_pdf(pdf.render_pdf("egal.html", {}))

    fonts = {
        str(font.get_object()["/BaseFont"])
        for font in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVu" in name for name in fonts), (
        f"{fonts}: DejaVu fehlt (apt-get install fonts-dejavu-core) / DejaVu fonts missing"
    )
    assert "Fließtext mit Umlauten: äöü ß €" in pdf_text(pdf.render_pdf("egal.html", {}))


def test_print_stylesheet_gives_a4_header_footer_and_page_numbers(db, html_template, alliance):
    from django.template.loader import render_to_string

    html = render_to_string(
        "pdf/base.html",
        {"alliance": alliance, "document_title": "Prüfdokument", "draft": False},
    ).replace("</body>", "<p>Absatz</p>" * 120 + "</body>")
    html_template(html)

    reader = read_pdf(pdf.render_pdf("egal.html", {}))

    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert round(float(page.mediabox.width)) == 595
        text = page.extract_text()
        assert f"Seite {number} von {len(reader.pages)}" in text
        assert "Prüfdokument" in text
        assert alliance.display_name in text


def test_tagged_pdf_ua(db, html_template):
    html_template(document("<h1>Titel</h1><p>Text</p>"))

    reader = read_pdf(pdf.render_pdf("egal.html", {}))

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert reader.metadata.title == "Test"


def test_broken_image_does_not_break_rendering(db, html_template, logged_errors):
    default_storage.save("logos/kaputt.png", ContentFile(b"\x89PNG\r\n\x1a\nnichts"))
    html_template(document('<img src="/media/logos/kaputt.png" alt="Logo"><p>Weiter</p>'))

    assert "Weiter" in pdf_text(pdf.render_pdf("egal.html", {}))
    assert "kaputt.png" in " ".join(logged_errors.messages())


def test_image_or_none(db):
    from buendnis.models import Alliance

    alliance = Alliance.current()
    assert pdf.image_or_none(alliance.logo) is None
    alliance.logo.name = "logos/fehlt.png"
    assert pdf.image_or_none(alliance.logo) is None
    alliance.logo.save("kaputt.png", ContentFile(b"kein Bild"))
    assert pdf.image_or_none(alliance.logo) is None


def test_the_html_parsers_regex_cache_finds_its_expressions():
    """tinyhtml5 stored each expression under the expression itself; the replacement
    (buendnis.lib.pdf_engine) keys them by the characters, so a text is scanned without
    building the expression anew, and the tree stays the same."""
    import xml.etree.ElementTree as ElementTree

    import tinyhtml5
    from tinyhtml5 import inputstream

    html = "<p class=\"a\" title='x&amp;y'>Hallo &amp; <b>Welt</b> <!-- c --> x</p>" * 3
    tree = ElementTree.tostring(tinyhtml5.parse(html))
    assert b"Hallo &amp; <html:b>Welt</html:b>" in tree
    cache = inputstream.characters_until_regex
    assert isinstance(cache, pdf_engine._CharacterRegexes)
    assert all(not hasattr(characters, "pattern") for characters, _opposite in cache)
    size = len(cache)
    tinyhtml5.parse(html)
    assert len(cache) == size


def test_gunicorn_workers_warm_the_renderer(settings, monkeypatch):
    import importlib

    import portal.wsgi

    calls = []
    monkeypatch.setattr(pdf, "warm_renderer", lambda: calls.append(1))
    settings.WARM_PDF_RENDERER = False
    importlib.reload(portal.wsgi)
    assert calls == []
    settings.WARM_PDF_RENDERER = True
    importlib.reload(portal.wsgi)
    assert calls == [1]


def test_warming_up_renders_with_the_print_stylesheet(db):
    assert pdf.warm_renderer() > 0
