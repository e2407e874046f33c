"""PDF documents rendered by WeasyPrint, stored and served again until they change.

Each document is a template under `templates/pdf/` that extends `pdf/base.html`
and shares the print stylesheet `static/pdf/print.css`. `render_pdf()` turns a
template and its context into PDF bytes; `get_pdf()` and `pdf_response()` add the
cache every document goes through.

The cache key is a fingerprint of the rendered HTML and the stylesheet: the HTML
is everything the PDF shows (alliance profile, partners, minutes and their items,
logo file names …), so any change to the source gives a new fingerprint and a new
PDF, while an unchanged document is served from MEDIA_ROOT without running
WeasyPrint. Rendering the template costs milliseconds; WeasyPrint costs far more.

WeasyPrint itself, with its URL fetcher that reads only the portal's own static and
media files, is `buendnis.lib.pdf_engine`, imported with the first document.
"""

import datetime
import functools
import gc
import hashlib
import hmac
import os
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import formats, translation
from django.utils.http import content_disposition_header, http_date, quote_etag
from PIL import Image

STYLESHEET = "pdf/print.css"
CACHE_DIRECTORY = "pdf-cache"
# Raise when the way documents are rendered changes, so every stored PDF is made anew.
FORMAT_VERSION = "1"


def image_or_none(image_field):
    """The URL of an uploaded image if its file is there and readable, else None.

    Templates show a fallback instead of a missing or broken logo.
    """
    if not image_field:
        return None
    try:
        with image_field.storage.open(image_field.name) as file, Image.open(file) as image:
            image.verify()
    except Exception:  # whatever is wrong with the file, it is not shown
        return None
    return image_field.url


def _stylesheet_text():
    path = finders.find(STYLESHEET) or staticfiles_storage.path(STYLESHEET)
    return Path(path).read_text(encoding="utf-8")


def _html_and_stylesheet(template_name, context, language=None):
    # Dates and labels in German, also when rendered outside a request (e-mails, tasks);
    # a document for a partner or a family in its language (`pdf/base.html` sets lang and dir).
    with translation.override(language or settings.LANGUAGE_CODE):
        html = render_to_string(template_name, context)
    return html, _stylesheet_text()


def _write_pdf(html, stylesheet):
    from buendnis.lib import pdf_engine  # WeasyPrint, with the first document

    return pdf_engine.write_pdf(html, stylesheet)


@functools.cache
def _renderer_version():
    return metadata.version("weasyprint")


def warm_renderer():
    """Render a small document with the print stylesheet: fonts, hyphenation patterns and
    the parsed stylesheet are loaded, so the first real document of a process (a worker's)
    is no slower than the others. Also loaded: the template engine with every app's tags
    (`pdf/base.html`), Pillow's image formats (a logo) and the emblem. Returns the seconds
    it took. Afterwards the garbage collector leaves all of it alone (`gc.freeze`)."""
    started = time.perf_counter()
    with translation.override(settings.LANGUAGE_CODE):
        alliance = {"name": "Bündnisportal", "display_name": "Bündnisportal", "address_lines": []}
        render_to_string(
            "pdf/base.html", {"alliance": alliance, "document_title": "Vorwärmen", "draft": False}
        )
        formats.date_format(datetime.date.today(), "DATE_FORMAT")
    Image.init()
    # The fonts and kinds of layout the documents use: DejaVu Sans and Serif, bold and
    # italic, a hyphenated paragraph, floats, a grid, a running header and page numbers.
    html = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Bündnis</title></head>'
        '<body><div class="running-header"><span class="alliance-name">Bündnis</span>'
        '<span class="document-title">Vorwärmen</span></div>'
        '<div class="running-footer">Bündnisportal</div>'
        f'<header class="letterhead"><img class="logo" src="{static("pdf/emblem.svg")}" alt="Zeichen">'
        '<p class="sender"><strong>Bündnis</strong>Marktplatz 1</p></header>'
        '<p class="kicker">Protokoll</p><h1>Bündnisportal</h1>'
        '<dl class="facts"><dt>Datum</dt><dd>7. Dezember 2026</dd></dl>'
        "<h2>Familienfreundlichkeit</h2><h3>Tagesordnung</h3>"
        '<p class="label">Diskussion</p>'
        "<p>Familienfreundlichkeitsprüfung <strong>für alle</strong> <em>Ferienbetreuung</em>.</p>"
        '<ul class="attendees"><li>Kita Regenbogen</li><li>Förderverein</li></ul>'
        '<p class="founding-facts">Gegründet am 8. November 2017</p>'
        "<table><tr><td>Unterschrift</td></tr></table></body></html>"
    )
    _write_pdf(html, _stylesheet_text())
    # The warm-up's garbage goes now, not during the first document; what the process has
    # loaded by now (Django, WeasyPrint, fonts, the parsed stylesheet) stays out of later
    # collections, which then walk only what a document makes.
    gc.collect()
    gc.freeze()
    return time.perf_counter() - started


def render_pdf(template_name, context, language=None):
    """Render a template under `templates/pdf/` to PDF bytes (no cache); German unless
    `language` says otherwise."""
    return _write_pdf(*_html_and_stylesheet(template_name, context, language))


@dataclass(frozen=True)
class StoredPdf:
    content: bytes
    fingerprint: str
    modified: float  # when this PDF was rendered (a timestamp)


def _fingerprint(html, stylesheet):
    # Keyed with the secret: the stored files sit under MEDIA_ROOT, and nobody may
    # guess the name of a draft's PDF from its text.
    source = "\0".join((FORMAT_VERSION, _renderer_version(), stylesheet, html))
    return hmac.new(settings.SECRET_KEY.encode(), source.encode(), hashlib.sha256).hexdigest()[:40]


def get_pdf(key, template_name, context, language=None):
    """The PDF of a document, from the cache when nothing it shows has changed.

    `key` names the document (e.g. "gruendungsurkunde", "protokoll-7"); only its
    newest PDF is kept. German unless `language` says otherwise (the HTML, and so the
    fingerprint, differs by language).
    """
    html, stylesheet = _html_and_stylesheet(template_name, context, language)
    fingerprint = _fingerprint(html, stylesheet)
    directory = Path(settings.MEDIA_ROOT) / CACHE_DIRECTORY / key
    path = directory / f"{fingerprint}.pdf"
    try:
        return StoredPdf(path.read_bytes(), fingerprint, path.stat().st_mtime)
    except FileNotFoundError:
        pass

    content = _write_pdf(html, stylesheet)
    directory.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    for old in directory.iterdir():
        if old != path and old.suffix == ".pdf":
            old.unlink(missing_ok=True)
    return StoredPdf(content, fingerprint, time.time())


def pdf_response(request, stored, filename, *, attachment=False, private=False):
    """Serve a stored PDF with its file name, ETag and Last-Modified.

    Browsers revalidate every time (`no-cache`) and get a 304 while the PDF is
    unchanged; `private` keeps personal and draft documents out of shared caches.
    """
    etag = quote_etag(stored.fingerprint)
    cache_control = "private, no-cache" if private else "public, no-cache"
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(stored.content, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(attachment, filename)
        response["Last-Modified"] = http_date(stored.modified)
    response["ETag"] = etag
    response["Cache-Control"] = cache_control
    return response
