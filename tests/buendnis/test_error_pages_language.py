"""The error pages in the visitor's language, Arabic right to left."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext


def test_500_and_503_in_the_language_of_the_request(db):
    for name, heading in [
        ("500.html", "Das hat leider nicht geklappt"),
        ("503.html", "Vorübergehend nicht erreichbar"),
        ("bad_address.html", "Ungültige Anfrage"),
    ]:
        with translation.override("ar"):
            html = render_to_string(name, {"alliance": None})
            assert f"<h1>{gettext(heading)}</h1>" in html
        assert '<html lang="ar" dir="rtl">' in html
        with translation.override("tr"):
            html = render_to_string(name, {"alliance": None})
            assert f"<h1>{gettext(heading)}</h1>" in html
        assert '<html lang="tr" dir="ltr">' in html
        with translation.override("de"):
            html = render_to_string(name, {"alliance": None})
        assert f"<h1>{heading}</h1>" in html
        assert '<html lang="de" dir="ltr">' in html
