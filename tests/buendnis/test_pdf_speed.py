"""What keeps a long PDF fast (issue 22, bench/README.md "PDF: Protokoll ohne Müllsammler"):
no garbage collection while WeasyPrint renders, SVGs fetched with their type, font subsets
without a new C type per document, and a warm-up that loads what the first document would."""

import gc
import os
import subprocess
import sys
from unittest import mock

import pytest
import weasyprint
import weasyprint.pdf.fonts
from django.conf import settings
from PIL import Image

from buendnis.lib import pdf, pdf_engine
from tests.support.pdfs import pdf_text

HTML = '<!DOCTYPE html><html lang="de"><head><title>Test</title></head><body><p>Tempo</p></body></html>'


def test_the_garbage_collector_rests_while_rendering_and_runs_again_after(db):
    seen = []
    original = weasyprint.Document.write_pdf

    def write_pdf(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(weasyprint.Document, "write_pdf", write_pdf)
        content = pdf._write_pdf(HTML, pdf._stylesheet_text())
    assert seen == [False]
    assert gc.isenabled()
    assert "Tempo" in pdf_text(content)


def test_the_garbage_collector_runs_again_when_rendering_fails(db, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("kaputt")

    monkeypatch.setattr(weasyprint, "HTML", broken)
    with pytest.raises(ValueError):
        pdf._write_pdf(HTML, pdf._stylesheet_text())
    assert gc.isenabled()


def test_a_collector_turned_off_stays_off(db):
    gc.disable()
    try:
        pdf._write_pdf(HTML, pdf._stylesheet_text())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_emblem_comes_with_its_type(settings):
    response = pdf_engine.PortalURLFetcher().fetch(f"{settings.SITE_URL}/static/pdf/emblem.svg")
    assert response.content_type == "image/svg+xml"
    stylesheet = pdf_engine.PortalURLFetcher().fetch(f"{settings.SITE_URL}/static/pdf/print.css")
    assert stylesheet.content_type == "text/css"


def test_font_subsets_reuse_one_array_type():
    ffi = weasyprint.pdf.fonts.ffi
    assert isinstance(ffi, pdf_engine._OpenArrayFFI)
    parsed = ffi._parsed_types
    array = ffi.new("hb_codepoint_t[3]", [7, 8, 9])
    assert list(array) == [7, 8, 9]
    size = len(parsed)
    ffi.new("hb_codepoint_t[1234]", tuple(range(1234)))
    assert len(parsed) == size
    assert ffi.sizeof("hb_codepoint_t") == 4  # everything else passes through


def test_the_warm_up_loads_the_image_formats_and_the_base_template(db, monkeypatch):
    monkeypatch.setattr(Image, "_initialized", 0)
    with mock.patch.object(pdf, "render_to_string", wraps=pdf.render_to_string) as render:
        pdf.warm_renderer()
    assert Image._initialized == 2
    [call] = render.call_args_list
    assert call.args[0] == "pdf/base.html"


def test_the_warm_up_leaves_what_it_loaded_out_of_later_collections(db):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        pdf.warm_renderer()
        assert gc.get_freeze_count() > 100_000  # Django, WeasyPrint, fonts, the stylesheet
    finally:
        gc.freeze()  # as the test process had it (tests/conftest.py)


def test_a_process_that_renders_no_pdf_starts_without_weasyprint():
    """Importing WeasyPrint takes about 0.7 s: Django, every app, the URLs and the admin
    load without it, and the first document brings it (`buendnis.lib.pdf_engine`)."""
    script = (
        "import sys, django; django.setup()\n"
        "from django.contrib import admin; from django.urls import get_resolver\n"
        "get_resolver().url_patterns; admin.site.get_urls()\n"
        "print('weasyprint' in sys.modules)"
    )
    answer = subprocess.run(
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings"},
    )
    assert answer.stdout.strip() == "False", answer.stderr
