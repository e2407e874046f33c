"""The portal's own style sheets (static/css) use logical properties only (margin-inline-start,
inset-inline-end, text-align: start …), so the Arabic pages (dir="rtl") mirror without a
second style sheet. The PDFs' print.css (static/pdf, WeasyPrint's page-margin boxes) is not
a web page and is not scanned."""

import re
from pathlib import Path

from django.conf import settings

CSS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)[\w-]*"
    r"|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:"
    r"|(?<![\w-])(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
    r"|(?<![\w-])(?:margin|padding|border)\s*:[^;}]*\b(?:left|right)\b",
)


def physical_properties(text):
    """Every physical left/right in a style sheet's text, comments left out."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    return [match.group(0) for match in PHYSICAL.finditer(text)]


def test_the_scan_finds_physical_properties():
    assert physical_properties(".a { margin-left: 1rem; }") == ["margin-left:"]
    assert physical_properties(".a { position: absolute; left: 0; }") == ["left:"]
    assert physical_properties(".a { text-align: right; float:left }") == ["text-align: right", "float:left"]
    assert physical_properties(".a { border-right-color: red; }") == ["border-right-color:"]
    logical = ".a { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; }"
    assert physical_properties(logical) == []
    assert physical_properties("/* left: the old way */ .a { color: red; }") == []


def test_the_portal_style_sheets_use_logical_properties_only():
    assert CSS, "no style sheets found"
    found = {path.name: physical_properties(path.read_text()) for path in CSS}
    assert {name: hits for name, hits in found.items() if hits} == {}
