"""The coordinator's first day, in Chromium: a new alliance from `create_alliance`, her
mailed link, her password, the second factor with its printable backup codes, then every
item of the start checklist, each started from the dashboard and done in the browser,
counting her clicks (none above eight), the home page in Leichte Sprache among them; then
the site is live, a crawl of its public pages finds no link that answers 404, and the
header's "Leichte Sprache" link leads to her page.

The clicks per item are printed (`pytest -s`): what she clicks, not what she types."""

import io
import re
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis.backup_codes import use_backup_code
from buendnis.models import Alliance, EasyReadPage, Page
from buendnis.tenancy import activate
from events.models import Event
from partners.models import Declaration, Partner
from tests.support.otp import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOST = "nordheim.localhost"  # a second alliance on its own host, as the other browser tests
EMAIL = "koordination@nordheim.example.org"
PASSWORD = "Familien brauchen Zeit 2026!"
MOST_CLICKS = 8
# What the site is about, in Leichte Sprache: short sentences, one thought each.
EASY_READ_ABOUT = [
    "Wir sind das Bündnis für Familie in Nordheim.",
    "Im Bündnis arbeiten viele Menschen zusammen.",
    "Wir wollen: Familien in Nordheim geht es gut.",
    "Auf dieser Website steht: Wer macht mit? Wann treffen wir uns?",
]


class Clicks:
    """Her clicks (a click, a tick, a choice from a list), counted per checklist item."""

    def __init__(self, page):
        self.page = page
        self.counts = {}
        self.item = None

    def start(self, key):
        self.item = key
        self.counts[key] = 0

    def click(self, locator):
        self.counts[self.item] += 1
        locator.click()

    def check(self, locator):
        self.counts[self.item] += 1
        locator.check()

    def choose(self, locator, label):
        self.counts[self.item] += 1
        locator.select_option(label=label)


def on(live_server, path="/"):
    return f"http://{HOST}:{urlparse(live_server.url).port}{path}"


def set_password_and_second_factor(page):
    """The mailed link, the password, the app's code, the backup codes (printable)."""
    (invitation,) = mail.outbox
    link = re.search(rf"http://{re.escape(HOST)}:\d+/verwaltung/zugang/\S+", invitation.body).group(0)
    page.goto(link)
    page.get_by_label("Passwort:", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen:").fill(PASSWORD)
    page.get_by_role("button", name="Passwort festlegen").click()
    page.get_by_role("heading", name="Ihr Passwort ist gespeichert").wait_for()
    page.get_by_role("link", name="Zur Anmeldung").click()
    page.get_by_label("Benutzername").fill(EMAIL)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Zwei-Faktor-Anmeldung einrichten").wait_for()
    coordinator = get_user_model().objects.get(username=EMAIL)
    page.get_by_label("Sechsstelliger Code aus der Authenticator-App").fill(
        current_code(TOTPDevice.objects.get(user=coordinator))
    )
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.get_by_role("heading", name="Ersatzcodes für die Zwei-Faktor-Anmeldung").wait_for()
    codes = page.locator(".backup-code-list code").all_inner_texts()
    assert len(codes) == len(set(codes)) == 10
    assert page.get_by_role("button", name="Codes drucken").is_visible()
    # On paper: the codes, without the buttons, the menu and the header.
    page.emulate_media(media="print")
    assert page.locator(".backup-code-list").is_visible()
    assert page.get_by_role("button", name="Codes drucken").is_hidden()
    assert page.locator("#header").is_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Ich habe die Codes aufbewahrt – weiter").click()
    page.get_by_role("heading", name="Bis zur fertigen Website").wait_for()
    return coordinator, codes


SELECT_TEXT = """([selector, word]) => {
          const root = document.querySelector(selector);
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const at = walker.currentNode.data.indexOf(word);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(walker.currentNode, at);
              range.setEnd(walker.currentNode, at + word.length);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              document.dispatchEvent(new Event("selectionchange"));
              return true;
            }
          }
          return null;
        }"""


def select_text(page, clicks, container, text):
    """Select `text` in a rich-text editor, as she would by dragging over it (one click);
    the range is set exactly, a drag's end point depends on the glyphs under the pointer."""
    page.locator(container).scroll_into_view_if_needed()
    page.locator(container).click()
    clicks.counts[clicks.item] += 1
    found = page.evaluate(SELECT_TEXT, [container, text])
    assert found, text
    page.wait_for_function("text => window.getSelection().toString() === text", arg=text)
    page.wait_for_timeout(100)  # the editor reads the selection on the next change event


def save(page, clicks):
    clicks.click(page.get_by_role("button", name="Sichern", exact=True))


# What she does for each item, after the click on its link on the dashboard.


def profile(page, clicks):
    page.locator("#id_street").fill("Am Rathaus 3")
    page.locator("#id_postal_code").fill("37154")
    page.locator("#id_town").fill("Nordheim")
    page.locator("#id_coordinator_name").fill("Sabine Albrecht")
    save(page, clicks)


def legal_page(facts):
    def fill_in(page, clicks):
        page.get_by_role("heading", name="Pflichtangaben").wait_for()
        for field, value in facts.items():
            page.locator(f"#id_{field}").fill(value)
        clicks.check(page.get_by_label("Veröffentlicht"))
        save(page, clicks)
        page.get_by_text("wurde erfolgreich geändert").wait_for()

    return fill_in


def easy_read(page, clicks):
    """The starter wrote three of the four parts; what the site is about is hers."""
    part = page.locator(".prose-editor", has=page.locator("#id_main_contents")).locator("[contenteditable]")
    part.wait_for()
    clicks.click(part)
    for sentence in EASY_READ_ABOUT:
        page.keyboard.type(sentence)
        page.keyboard.press("Enter")
    clicks.check(page.get_by_label("Veröffentlicht", exact=True))
    save(page, clicks)
    page.get_by_text("wurde erfolgreich geändert").wait_for()


def declaration(page, clicks):
    # The German text's editor; the translations' editors wait in collapsed sections.
    editor = ".prose-editor:has(#id_text) [contenteditable]"
    page.locator(editor).wait_for()
    select_text(page, clicks, editor, "[Ort]")
    page.keyboard.type("Nordheim")
    clicks.check(page.get_by_label("aktuelle Fassung"))
    save(page, clicks)
    page.get_by_text("wurde erfolgreich geändert").wait_for()


def sender(page, clicks):
    page.locator("#id_sender_email").fill("post@nordheim.example.org")
    save(page, clicks)


def partner(page, clicks):
    page.get_by_label("Name der Organisation").fill("Stadtwerke Nordheim")
    clicks.choose(page.get_by_label("Art der Organisation"), "Unternehmen")
    page.locator("#id_town").fill("Nordheim")
    page.get_by_label("unterzeichnet von").fill("Jana Roth, Geschäftsführerin")
    clicks.click(page.get_by_role("button", name="Unterzeichnung erfassen"))
    page.get_by_text("Stadtwerke Nordheim").first.wait_for()


def meeting(page, clicks):
    # The German title; its translations wait in the collapsed "Übersetzung: …" sections.
    page.locator("#id_title").press_sequentially("Erstes Bündnistreffen")  # fills in the address
    page.locator("#id_starts_at_0").fill("14.01.2027")
    page.locator("#id_starts_at_1").fill("18:00")
    page.locator("#id_ends_at_0").fill("14.01.2027")
    page.locator("#id_ends_at_1").fill("20:00")
    page.get_by_label("Ort (Name)").fill("Rathaus Nordheim, Ratssaal")
    save(page, clicks)
    page.get_by_text("wurde erfolgreich hinzugefügt").wait_for()


STEPS = {
    "profile": profile,
    Page.Slug.LEGAL_NOTICE: legal_page({"representative": "Bürgermeister Thomas Wendt"}),
    Page.Slug.PRIVACY: legal_page({
        "privacy_contact": "Datenschutzbeauftragte der Stadt Nordheim, datenschutz@nordheim.example.org",
        "supervisory_authority": "Die Landesbeauftragte für den Datenschutz Niedersachsen, "
        "Prinzenstraße 5, 30159 Hannover",
        "hosting_provider": "Kommunale Datenverarbeitung Nordheim, Am Rathaus 3, 37154 Nordheim",
    }),
    Page.Slug.ACCESSIBILITY: legal_page({
        "enforcement_body": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz, "
        "www.schlichtungsstelle-bgg.de",
    }),
    "easy_read": easy_read,
    "declaration": declaration,
    "sender": sender,
    "partner": partner,
    "meeting": meeting,
}


FETCH = """async (path) => {
  const response = await fetch(path, {credentials: "omit"});
  const type = response.headers.get("content-type") || "";
  if (!type.includes("text/html")) {
    return {status: response.status, links: []};
  }
  const html = new DOMParser().parseFromString(await response.text(), "text/html");
  const links = [...html.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
  return {status: response.status, links};
}"""


def crawl(page, start, levels=3):
    """Every internal link from the home page, `levels` links deep: {path: status}."""
    page.goto(start)
    host = urlparse(start).netloc
    statuses, frontier = {}, ["/"]
    for level in range(levels + 1):
        found = []
        for path in frontier:
            result = page.evaluate(FETCH, path)
            statuses[path] = result["status"]
            if level == levels:
                continue
            for href in result["links"]:
                url = urldefrag(urljoin(start.rstrip("/") + path, href)).url
                target = urlparse(url)
                if target.scheme not in ("http", "https") or target.netloc != host:
                    continue
                link = target.path + (f"?{target.query}" if target.query else "")
                if link not in statuses and link not in found and link not in frontier:
                    found.append(link)
        frontier = found
    return statuses


def test_a_new_alliance_from_the_mailed_link_to_a_live_site(page, live_server, role_groups, alliance):
    call_command(
        "create_alliance", name="Bündnis für Familie Nordheim", domain=HOST, admin_email=EMAIL,
        stdout=io.StringIO(),
    )
    nordheim = Alliance.objects.get(slug="nordheim")
    page.set_viewport_size({"width": 1366, "height": 900})
    coordinator, codes = set_password_and_second_factor(page)

    clicks = Clicks(page)
    checklist = page.locator("#start-checklist")
    for key, step in STEPS.items():
        page.goto(on(live_server, "/verwaltung/"))
        item = checklist.locator(f"#start-{key}")
        assert "fehlt" in item.inner_text(), key
        clicks.start(key)
        clicks.click(item.get_by_role("link"))
        step(page, clicks)
        page.goto(on(live_server, "/verwaltung/"))
        if key != "meeting":
            assert "erledigt" in checklist.locator(f"#start-{key}").inner_text(), (key, page.content())
    print("\nKlicks je Schritt der Startliste:")
    for key, count in clicks.counts.items():
        print(f"  {key:18} {count}")
    assert max(clicks.counts.values()) <= MOST_CLICKS, clicks.counts
    assert list(clicks.counts) == list(STEPS)

    # Live: the checklist is gone, and the facts are where visitors see them.
    page.get_by_role("heading", name="Auf einen Blick").wait_for()
    assert checklist.count() == 0
    with activate(nordheim):
        assert Page.objects.filter(slug__in=[Page.Slug.LEGAL_NOTICE, Page.Slug.PRIVACY,
                                              Page.Slug.ACCESSIBILITY], published=True).count() == 3
        current = Declaration.objects.current()
        assert "Familien in Nordheim gut leben" in current.text and "[Ort]" not in current.text
        assert Partner.objects.active().get().name == "Stadtwerke Nordheim"
        assert Event.objects.get().title == "Erstes Bündnistreffen"
        home = EasyReadPage.objects.get(topic=EasyReadPage.Topic.HOME)
        assert home.published and EASY_READ_ABOUT[0] in home.main_contents
    # The printed codes work: one of them, once.
    assert use_backup_code(coordinator, codes[3]) is not None
    assert use_backup_code(coordinator, codes[3]) is None

    visitor = page.context.browser.new_context(locale="de-DE").new_page()
    statuses = crawl(visitor, on(live_server))
    print(f"Öffentliche Seiten geprüft: {len(statuses)}")
    broken = {path: status for path, status in statuses.items() if status == 404}
    assert broken == {}
    assert len(statuses) > 10, statuses
    assert statuses["/impressum/"] == statuses["/datenschutz/"] == statuses["/barrierefreiheit/"] == 200
    # The header's "Leichte Sprache" link, on every page, leads to her page.
    visitor.goto(on(live_server))
    easy_read_link = visitor.locator("header.site-header").get_by_role("link", name="Leichte Sprache")
    href = urlparse(urljoin(visitor.url, easy_read_link.get_attribute("href"))).path
    assert statuses[href] == 200, (href, statuses.get(href))
    easy_read_link.click()
    visitor.get_by_text(EASY_READ_ABOUT[0]).wait_for()
    visitor.goto(on(live_server, "/impressum/"))
    assert visitor.get_by_text("Bürgermeister Thomas Wendt").is_visible()
    assert visitor.get_by_text("Am Rathaus 3").first.is_visible()
    visitor.context.close()
