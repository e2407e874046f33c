"""WeasyPrint as the portal renders with it: imported with the first document.

Importing WeasyPrint takes about 0.7 s (it looks for its C libraries), so only a process
that renders a PDF pays for it: `buendnis.lib.pdf` imports this module when it writes
its first document, and a worker or the web server warms it at start
(`pdf.warm_renderer`). Every `manage.py` command and every other process starts without.

Rendering never touches the network: the URL fetcher only reads the portal's own
static and media files from disk.
"""

import functools
import gc
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyphen
import tinyhtml5.inputstream
import weasyprint
import weasyprint.pdf.fonts
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcherResponse


class PortalURLFetcher(weasyprint.URLFetcher):
    """Reads only the portal's own static and media files, straight from disk."""

    def fetch(self, url, headers=None):
        path = local_file(url)
        if path is None:
            raise ValueError(f"Nur eigene Dateien des Portals werden geladen: {url}")
        # With its type WeasyPrint reads an SVG (the emblem) as SVG at once, instead of
        # first letting Pillow try each of its image formats on it.
        content_type = mimetypes.guess_type(path.name)[0]
        headers = {"Content-Type": content_type} if content_type else None
        return URLFetcherResponse(url, path.read_bytes(), headers=headers)


def _inside(root, relative):
    try:
        root = Path(root).resolve()
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    except (ValueError, OSError):
        pass
    return None


def local_file(url):
    """The file on disk behind a static or media URL of this portal, or None."""
    parts = urlsplit(url)
    site = urlsplit(base_url())
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        return None
    path = unquote(parts.path)
    if path.startswith(settings.STATIC_URL):
        name = path.removeprefix(settings.STATIC_URL)
        try:
            found = finders.find(name)
        except SuspiciousFileOperation:
            return None
        if found:
            return Path(found)
        # Production: hashed file names exist only in STATIC_ROOT (collectstatic).
        return _inside(settings.STATIC_ROOT, name)
    if path.startswith(settings.MEDIA_URL):
        return _inside(settings.MEDIA_ROOT, path.removeprefix(settings.MEDIA_URL))
    return None


def base_url():
    return f"{settings.SITE_URL}/"


@functools.cache
def _load_hyphenation_patterns():
    """German hyphenation patterns (pyphen keeps them per process): loading them takes
    about 0.3 s, once per process. Done with the first document, whether or not it
    hyphenates, so that no later document pays for it (bench/README.md, "PDF")."""
    pyphen.Pyphen(lang=pyphen.language_fallback(settings.LANGUAGE_CODE))


@functools.lru_cache(maxsize=2)
def _parsed_stylesheet(stylesheet, base):
    """The print stylesheet, parsed once per process and text (about 25 ms a document)."""
    return weasyprint.CSS(string=stylesheet, base_url=base, url_fetcher=PortalURLFetcher())


class _CharacterRegexes(dict):
    """tinyhtml5's cache of the regular expressions its tokenizer scans text with.

    tinyhtml5 2.1 stores each expression under the key `(expression, opposite)` instead of
    `(characters, opposite)`, so it never finds one again and builds it anew for every
    run of text (about 5 % of parsing the minutes). This dict builds it on first use."""

    def __missing__(self, key):
        characters, opposite = key
        ranges = "".join(f"\\x{ord(character):02x}" for character in characters)
        pattern = re.compile(f"[{ranges}]+" if opposite else f"[^{ranges}]+")
        self[key] = pattern
        return pattern


tinyhtml5.inputstream.characters_until_regex = _CharacterRegexes()


class _OpenArrayFFI:
    """WeasyPrint 70 subsets each font with arrays typed `hb_codepoint_t[<length>]`: cffi
    parses every new length as a new C type (milliseconds each, four per font and document,
    and keeps them all). `hb_codepoint_t[]` with the same values is the same array, and
    its type is parsed once."""

    def __init__(self, ffi):
        self._ffi = ffi

    def new(self, cdecl, init=None):
        if init is not None and cdecl.endswith("]") and not cdecl.endswith("[]"):
            cdecl = cdecl[: cdecl.rindex("[")] + "[]"
        return self._ffi.new(cdecl, init)

    def __getattr__(self, name):
        return getattr(self._ffi, name)


if not isinstance(weasyprint.pdf.fonts.ffi, _OpenArrayFFI):
    weasyprint.pdf.fonts.ffi = _OpenArrayFFI(weasyprint.pdf.fonts.ffi)


def write_pdf(html, stylesheet):
    """The PDF bytes of an HTML document with the print stylesheet's text."""
    _load_hyphenation_patterns()
    # WeasyPrint makes some hundred thousand objects for a long document; the garbage
    # collector would walk the whole heap a few times meanwhile (up to a fifth of the
    # minutes' time). It runs again afterwards and frees what the document left.
    collecting = gc.isenabled()
    gc.disable()
    try:
        document = weasyprint.HTML(string=html, base_url=base_url(), url_fetcher=PortalURLFetcher())
        css = _parsed_stylesheet(stylesheet, base_url())
        return document.write_pdf(stylesheets=[css], pdf_variant="pdf/ua-1")
    finally:
        if collecting:
            gc.enable()
