"""A corpus of hostile inputs and a small crawler that finds every public form and link."""

import functools
import io
import re
import struct
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.utils import translation

from tests.support.responses import streamed_body

SCRIPT = '<script>alert("xss")</script>'
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = {
    "script": SCRIPT,
    "attribute": ATTRIBUTE,
    "sql": "'; DROP TABLE partners_partner; --",
    "sql_or": "x' OR '1'='1' -- ",
    "long": "Familie " * 12_500,  # 100 KB
    "control": "Zeile\x00\x07\x1b[31m\r\nBcc: opfer@example.org",
    "unicode": "Z\u0334a\u0337l\u0336g\u0338o \U0001d54c\U0001d55f\U0001d55a \U0001f468\u200d\U0001f469\u200d"
    "\U0001f467 \u202etxt.exe \ufeff\u200b",
    "template": "{{ 7|add:7 }} {% debug %} ${7*7} %(x)s {0}",
}
def assert_escaped(text, where):
    """What must never appear in a page or an HTML e-mail as it was sent."""
    for marker in (SCRIPT, "<img src=x onerror"):
        assert marker not in text, f"unescaped hostile input in {where}"


# --- hostile files ------------------------------------------------------------


def _chunk(kind, body):
    checksum = struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    return struct.pack(">I", len(body)) + kind + body + checksum


def _png(width, height, rows):
    """A greyscale PNG; `rows` yields each row's bytes (filter byte first)."""
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for row in rows) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


@functools.cache
def decompression_bomb():
    """A 10000 x 10000 PNG (100 megapixels) of a few hundred kilobytes; compressing its
    100 MB of rows takes a second, so each process does it once."""
    return _png(10_000, 10_000, (b"\x00" * 10_001 for _ in range(10_000)))


def hostile_files():
    """(file name, content, content type) of uploads that must all be refused."""
    valid_png = _png(2, 2, [b"\x00\x00\x00"] * 2)
    return {
        "html_as_png": ("logo.png", b"<html><script>alert(1)</script></html>", "image/png"),
        "svg_with_script": (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
        "truncated_png": ("logo.png", valid_png[:30], "image/png"),
        "too_large": ("logo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * (6 * 1024 * 1024), "image/jpeg"),
        "bomb": ("logo.png", decompression_bomb(), "image/png"),
        "gif_as_jpg": ("logo.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/jpeg"),
        "php_double_extension": ("logo.php.png", b"<?php system($_GET['c']); ?>", "image/png"),
    }


def upload(name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


# --- crawling -----------------------------------------------------------------


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list = field(default_factory=list)  # dicts: name, kind, value, options, hidden

    @property
    def key(self):
        return (self.action, self.method, tuple(sorted(f["name"] for f in self.fields)))

    @property
    def has_file(self):
        return any(f["kind"] == "file" for f in self.fields)


class PageParser(HTMLParser):
    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links, self.forms = [], []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(urljoin(self.page, attrs["href"]))
        elif tag == "form":
            self._form = Form(
                page=self.page,
                action=urljoin(self.page, attrs.get("action") or self.page),
                method=(attrs.get("method") or "get").lower(),
            )
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value", ""))
        elif self._form is None or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            self._form.fields.append(
                {
                    "name": attrs["name"],
                    "kind": kind,
                    "value": attrs.get("value", ""),
                    "options": [],
                    "trap": attrs.get("tabindex") == "-1" or "aria-hidden" in attrs,
                    "required": "required" in attrs,
                }
            )
        elif tag == "textarea":
            self._textarea = {"name": attrs["name"], "kind": "textarea", "value": "", "options": [],
                              "trap": attrs.get("tabindex") == "-1", "required": "required" in attrs}
            self._form.fields.append(self._textarea)
        elif tag == "select":
            self._select = {"name": attrs["name"], "kind": "select", "value": "", "options": [],
                            "trap": False, "required": "required" in attrs,
                            "multiple": "multiple" in attrs}
            self._form.fields.append(self._select)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


SKIPPED_PREFIXES = ("/verwaltung/", "/media/", "/static/")


def crawl(client, start="/", limit=80, other_languages=0):
    """Every internal page reachable from `start` by GET (HTML only), with its forms.

    The German pages (no language prefix) come first, up to `limit`; the language switch
    links every page's copies under /en/, /tr/ …, and those are visited after them, up to
    `other_languages` more, in the order they were found. The language active before stays
    active after (a request under /uk/ leaves Ukrainian active in the test's thread)."""
    with translation.override(translation.get_language()):
        return _crawl(client, start, limit, other_languages)


def _crawl(client, start, limit, other_languages):
    seen, queue, deferred, pages, forms = set(), [start], [], {}, {}
    while True:
        if queue and len(pages) < limit:
            path = queue.pop(0)
        elif deferred and len(pages) < limit + other_languages:
            path = deferred.pop(0)
        else:
            break
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        if not response.get("Content-Type", "").startswith("text/html"):
            if response.streaming:  # a download: read to the end, as a browser would
                streamed_body(response)
            continue
        html = response.content.decode()
        pages[path] = html
        parser = PageParser(f"http://testserver{path}")
        parser.feed(html)
        for form in parser.forms:
            form.action = _local(form.action) or path
            form.page = path
            forms.setdefault(form.key, form)
        for link in parser.links:
            local = _local(link)
            if local and local not in seen and not local.startswith(SKIPPED_PREFIXES):
                (deferred if _language_prefixed(local) else queue).append(local)
    return pages, list(forms.values())


def _language_prefixed(path):
    """True for a page under another language's prefix (/en/…, /tr/…)."""
    from django.conf import settings

    others = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return any(path.startswith(f"/{code}/") for code in others)


def _local(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fill(form, text, email, files=None):
    """Data for a submission: `text` in every visible text field, `email` in e-mail fields.

    Checkboxes are ticked, selects take their first real option, hidden fields and
    honeypot traps keep their value, files come from `files` (name -> upload).
    """
    data = {}
    for item in form.fields:
        name, kind = item["name"], item["kind"]
        if item["trap"] or kind == "hidden":
            data[name] = item["value"]
        elif kind == "email":
            data[name] = email
        elif kind in ("checkbox", "radio"):
            if kind == "radio" and name in data:
                continue
            data.setdefault(name, [])
            if kind == "checkbox":
                data[name].append(item["value"] or "on")
            else:
                data[name] = item["value"]
        elif kind == "select":
            options = [option for option in item["options"] if option]
            data[name] = options[:1]
        elif kind == "file":
            if files and name in files:
                data[name] = files[name]
        elif kind == "number":
            data[name] = "1"
        elif kind == "tel" or "phone" in name:
            data[name] = "0123 456789"
        elif kind == "url":
            data[name] = "https://example.org/"
        elif kind in ("date", "datetime-local", "time"):
            continue
        else:
            data[name] = text
    return data


def image_field_names(form):
    return [item["name"] for item in form.fields if item["kind"] == "file"]


def png_upload():
    """A small, sound PNG."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 20), (30, 90, 160)).save(out, format="PNG")
    return upload("logo.png", out.getvalue(), "image/png")


TOKEN_FORGERIES = [
    "x",
    "A" * 4000,
    "eyJmYWtlIjoidG9rZW4ifQ:1abcde:forgedsignature",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "äöü€",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
]


def token_url_patterns():
    """Every public URL pattern that takes a personal token, as format strings."""
    from django.urls import URLPattern, URLResolver, get_resolver

    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and "<str:token>" in route:
                found.append((prefix + route).replace("<str:token>", "{token}"))

    walk(get_resolver().url_patterns, "/")
    return [
        re.sub(r"<[^>]+>", "x", route).replace("^", "").replace("$", "")
        for route in found
        if not route.startswith("/verwaltung/")
    ]
