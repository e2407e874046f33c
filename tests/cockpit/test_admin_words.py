"""Every page of the admin a coordinator can open speaks German, in her words.

A crawl from the dashboard follows every link inside /verwaltung/ (lists, forms, change
histories, the pages of the cockpit) as the coordinator of the demo alliance and reads
the visible text of each page: no English word of the admin from the list below, no
model's internal name, no ISO date.
"""

import re
from collections import deque
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from tests.support.responses import streamed_body

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

# Words of Django's admin, its apps and of the portal's past that a coordinator must not
# meet (whole words, case as they are shown).
ENGLISH = [
    "View history", "View History", "History", "CHANGES", "Changes", "None", "chars]", "Add another",
    "Save and add another", "Save and continue editing", "Save as new", "Delete", "Select all",
    "Show all", "Clear selection", "Recent actions", "My actions", "Log out", "Change password",
    "Home", "Unknown", "Choose", "Filter by", "Run the selected action", "Today", "Now",
    "TOTP devices", "TOTP device", "Static devices", "Task results", "Cockpit", "Kurzadresse",
    "JSON (Auskunft)", "Ausgewählte Handlungsfeld ändern", "zur Änderung auswählen",
]
WORD = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH) + r")(?![\w-])")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SKIPPED = ("logout", "/delete/", "password", "/zwei-faktor/", "/r/", "/autocomplete/", "/jsi18n/")
DOWNLOAD = re.compile(r"\.(pdf|csv|xlsx|json|ics|svg)$|/pdf/$|/plakat")
MAX_PAGES = 400
OBJECT_ID = re.compile(r"/\d+/")


class VisibleText(HTMLParser):
    """The text a person sees (no scripts, styles, or hidden templates), and the links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in ("title", "aria-label", "placeholder", "alt"):
            if attrs.get(name):
                self.text.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def findings(html):
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())
    found = {match.group(1) for match in WORD.finditer(text)} | set(ISO_DATE.findall(text))
    return found, parser.links


def test_the_detector_catches_english_words_and_iso_dates():
    html = "<a href=\"/x/\">View history</a><p>geändert am 2026-12-07</p><script>None</script>"
    found, _links = findings(html)
    assert found == {"View history", "2026-12-07"}
    assert findings("<p>Änderungsverlauf ansehen, 7. Dezember 2026</p>")[0] == set()


@pytest.fixture
def demo(db):
    call_command("load_demo", "--no-admin", stdout=open("/dev/null", "w"))


def test_every_admin_page_a_coordinator_opens_speaks_german(coordinator_client, demo):
    queue, seen, kinds, problems = deque(["/verwaltung/"]), set(), set(), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = coordinator_client.get(path)
        assert response.status_code in {200, 302, 403}, (path, response.status_code)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        body = streamed_body(response) if response.streaming else response.content
        found, links = findings(body.decode())
        if found:
            problems[path] = sorted(found)
        for link in links:
            link = link.split("#")[0]
            base = link.split("?")[0]
            if not base.startswith("/verwaltung/") or any(part in link for part in SKIPPED):
                continue
            # One page per list and form: its sorting, paging and filter links read alike,
            # and so do the pages of two objects of one kind.
            kind = OBJECT_ID.sub("/N/", base)
            if DOWNLOAD.search(base) or base in seen or kind in kinds:
                continue
            kinds.add(kind)
            queue.append(base)
    print(f"{len(seen)} Seiten der Verwaltung gelesen")
    assert len(seen) > 50
    assert not problems, "\n".join(f"{path}: {words}" for path, words in sorted(problems.items()))
