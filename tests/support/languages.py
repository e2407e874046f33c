"""Walking the public site in a language and looking for German interface words.

`walk()` follows the links of the demo alliance's pages inside one language's prefix
(/en/…); `german_words()` finds the German interface words of WORDS in a page's visible
text and in the attributes a reader hears or sees (aria-label, title, placeholder, alt).
`pseudo_translated()` stands in for the translators: every message marked for
translation comes back in capitals (placeholders and HTML kept), so a German word that
is still there was never marked."""

import contextlib
import html
import re
from urllib.parse import urljoin, urlsplit

from django.utils.translation import trans_real

# The interface's German words and phrases: base.html, the header's navigation, the
# footer, forms, buttons and the lists' labels. The alliance's own content (German until
# it is translated, branch content) is taken out of the page first (`without_content`).
WORDS = [
    "Zum Inhalt springen", "Hauptnavigation", "Partner werden", "Handlungsfelder", "Anregungen",
    "Impressum", "Datenschutz", "Barrierefreiheit", "Offene Daten", "Telefon", "Rechtliches",
    "Startseite", "Seite", "weiter", "Zurück", "Alle", "Filtern", "Suchen", "Anmelden",
    "Absenden", "Pflichtfeld", "Uhr", "Termine", "Projekte", "Archiv", "Kalender", "Ansprechperson",
    "Unterzeichnen", "Mitglied", "Vorname", "Nachname", "Nachricht", "Ihre", "Bitte",
    "Mehr", "mehr", "Sprache", "Kästen zum Einbetten", "Arbeitsgruppen", "Bündniserklärung",
]
# Words that are spelt the same in the target language: not German there. Turkish for
# "phone" is "Telefon" (the tr catalogue rightly has msgstr "Telefon").
SAME_IN = {"tr": {"Telefon"}}
# German names the catalogues keep on purpose, in brackets after the translation: the
# German offer and the legal page ("Easy Read (Leichte Sprache)", "Künye (Impressum)").
KEPT_IN_BRACKETS = ("(Leichte Sprache)", "(Impressum)")
CONTENT_APPS = ("buendnis", "partners", "arbeitsgruppen", "events", "finances")
_WORDS = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in WORDS) + r")(?![\w-])")
_ATTRIBUTES = re.compile(r'\s(?:aria-label|title|placeholder|alt)="([^"]*)"')
_INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1>|<!--.*?-->", re.DOTALL)
_HREF = re.compile(r'href="([^"#]*)')
NOT_PAGES = (".ics", ".atom", ".pdf", ".json", ".csv", ".xlsx", ".xml", ".png", ".svg")


def readable_text(page):
    """What a reader sees or hears of an HTML page: its text and labelling attributes."""
    page = _INVISIBLE.sub(" ", page)
    attributes = " | ".join(html.unescape(value) for value in _ATTRIBUTES.findall(page))
    text = re.sub(r"<[^>]+>", " | ", page)
    return f"{html.unescape(text)} | {attributes}"


def _normal(text):
    return re.sub(r"\s+", " ", text).strip()


def content_pieces():
    """The alliance's own texts (every text column of the public apps' rows), cut into
    sentences, longest first: what a page shows of the content, not of the interface."""
    from django.apps import apps
    from django.db import models

    pieces = set()
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            # The pages in Leichte Sprache are German pages of their own, never content of
            # a page in another language; their titles ("Termine") would hide those words.
            if model.__name__.startswith("Historical") or model.__name__ == "EasyReadPage":
                continue
            columns = [field.name for field in model._meta.concrete_fields
                       if isinstance(field, (models.CharField, models.TextField))]
            if not columns:
                continue
            for row in model._base_manager.values_list(*columns):
                for value in row:
                    text = html.unescape(re.sub(r"<[^>]+>", "\n", value or ""))
                    for piece in re.split(r"\n|(?<=[.!?:;])\s+", text):
                        if len(piece := _normal(piece)) >= 3:
                            pieces.add(piece)
    return sorted(pieces, key=len, reverse=True)


def without_content(text, pieces):
    text = _normal(text)
    for piece in pieces:
        text = text.replace(piece, " ")
    return text


def german_words(page, pieces=(), language=None):
    """The German interface words of WORDS on an HTML page, each once, in order; the
    content `pieces` (content_pieces()) taken out first, and the words spelt the same in
    `language` (SAME_IN) left out."""
    same = SAME_IN.get(language, set())
    text = without_content(readable_text(page), pieces)
    for name in KEPT_IN_BRACKETS:
        text = re.sub(r"(?<=\w) " + re.escape(name), " ", text)
    found = _WORDS.findall(text)
    return [word for word in dict.fromkeys(found) if word not in same]


# Where the walk starts besides the home page: the forms and the pages few links lead to.
STARTS = ["termine/", "buendniserklaerung/unterzeichnen/", "partner/verwalten/", "anregungen/",
          "open-data/", "einbetten/", "termine/archiv/"]


def walk(client, prefix, limit=60):
    """{path: response} of the HTML pages reachable from the home page and STARTS by links
    inside the language prefix (prefix "/en/" stays under /en/)."""
    seen, queue = {}, [prefix, *(prefix + start for start in STARTS)]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in _HREF.findall(response.content.decode()):
            url = urlsplit(urljoin(f"http://testserver{path}", html.unescape(href)))
            if url.netloc != "testserver" or url.path.endswith(NOT_PAGES) or url.path in seen:
                continue
            if not url.path.startswith(prefix):
                continue
            queue.append(url.path + (f"?{url.query}" if url.query and "seite" not in url.query else ""))
    return {path: response for path, response in seen.items()
            if response.status_code == 200 and "html" in response.get("Content-Type", "")}


_PROTECTED = re.compile(r"(%\(\w+\)[sdif]|%[sdif%]|\{\w*\}|<[^>]*>|&[#\w]+;)|([^%{<&]+|[%{<&])")


def pseudo(message):
    """A marked message "translated": letters in capitals, placeholders and HTML kept."""
    if trans_real.CONTEXT_SEPARATOR in message:
        message = message.split(trans_real.CONTEXT_SEPARATOR, 1)[1]
    return _PROTECTED.sub(lambda match: match.group(1) or match.group(2).upper(), message)


@contextlib.contextmanager
def pseudo_translated(monkeypatch):
    """Every language but German answers each marked message with `pseudo()`."""
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def fake_gettext(self, message):
        return gettext(self, message) if self.language() == "de" else pseudo(message)

    def fake_ngettext(self, singular, plural, number):
        if self.language() == "de":
            return ngettext(self, singular, plural, number)
        return pseudo(singular if number == 1 else plural)

    with monkeypatch.context() as patch:
        patch.setattr(trans_real.DjangoTranslation, "gettext", fake_gettext)
        patch.setattr(trans_real.DjangoTranslation, "ngettext", fake_ngettext)
        yield
