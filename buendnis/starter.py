"""What a new alliance starts with (`cockpit.alliances.create_alliance`): its content
pages as drafts to complete, and the fields of action most alliances work in."""

from buendnis.models import EasyReadPage, Page

# Drafts, not published: the legal pages are built from their facts (the profile fills
# address, e-mail and phone); publishing waits until every required fact is given and
# no `[…]` placeholder remains (`Page.publication_problems`).
PAGES = {
    Page.Slug.LEGAL_NOTICE: ("Impressum", ""),
    Page.Slug.PRIVACY: ("Datenschutz", ""),
    Page.Slug.ACCESSIBILITY: ("Erklärung zur Barrierefreiheit", ""),
}

# The home page in Leichte Sprache, as a draft: three of the four parts BITV 2.0 asks
# for are written already (they are the same for every alliance on the portal); what
# the website is about, only the alliance can say. No placeholders: the coordinator
# reads, completes and publishes.
EASY_READ_HOME = {
    "topic": EasyReadPage.Topic.HOME,
    "title": "Leichte Sprache",
    "main_contents": "",
    "navigation": (
        "<p>Oben auf jeder Seite ist ein Menü.</p>"
        "<p>Im Menü stehen die wichtigen Seiten.</p>"
        "<p>Zum Beispiel: Partner und Termine.</p>"
        "<p>Oben steht auch: Leichte Sprache.</p>"
        "<p>Damit kommen Sie immer zurück zu dieser Seite.</p>"
        "<p>Unten auf jeder Seite stehen unsere Adresse und unsere Telefon-Nummer.</p>"
    ),
    "accessibility": (
        "<p>Alle Menschen sollen unsere Website gut benutzen können.</p>"
        "<p>Auch Menschen mit Behinderung.</p>"
        "<p>Das nennt man: barrierefrei.</p>"
        "<p>Wir haben geprüft: Wie barrierefrei ist unsere Website?</p>"
        "<p>Das Ergebnis steht in der Erklärung zur Barrierefreiheit.</p>"
        "<p>Dort steht auch: So können Sie uns ein Problem melden.</p>"
        "<p>Den Link zur Erklärung finden Sie unten auf jeder Seite.</p>"
    ),
    "other_pages": "<p>Diese Seiten gibt es auch in Leichter Sprache:</p>",
}

# The fields of action of most local alliances: (slug, name, summary).
FIELDS = [
    (
        "arbeitswelt",
        "Familienfreundliche Arbeitswelt – Vereinbarkeit von Familie und Beruf",
        "Betriebe und Verwaltungen, in denen Beruf und Familie zusammenpassen.",
    ),
    (
        "kinderbetreuung",
        "Kindertagesbetreuung – Bildung, Erziehung und Betreuung",
        "Verlässliche Betreuung und Bildung für Kinder jeden Alters.",
    ),
    (
        "familienfreundliche-kommunen",
        "Familienfreundliche Kommunen – örtliche Aktivitäten",
        "Städte und Gemeinden, in denen Familien sich zurechtfinden.",
    ),
    (
        "elternkompetenz",
        "Erziehungs- und Elternkompetenz – Familienbildung",
        "Angebote, die Eltern im Familienalltag stärken.",
    ),
    (
        "beruf-und-pflege",
        "Vereinbarkeit von Beruf und Pflege",
        "Unterstützung für Beschäftigte, die Angehörige pflegen.",
    ),
]
