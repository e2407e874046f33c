"""What a new alliance starts with (`cockpit.alliances.create_alliance`): its content
pages as drafts to complete, and the fields of action most alliances work in."""

from buendnis.models import Page

# Drafts, not published: the legal pages are built from their facts (the profile fills
# address, e-mail and phone); publishing waits until every required fact is given and
# no `[…]` placeholder remains (`Page.publication_problems`).
PAGES = {
    Page.Slug.LEGAL_NOTICE: ("Impressum", ""),
    Page.Slug.PRIVACY: ("Datenschutz", ""),
    Page.Slug.ACCESSIBILITY: ("Erklärung zur Barrierefreiheit", ""),
    Page.Slug.EASY_LANGUAGE: (
        "Leichte Sprache",
        "<h2>Das Bündnis für Familie</h2>"
        "<p>Familien sollen in [Ort] gut leben.</p>"
        "<p>Darum arbeiten viele Gruppen zusammen.</p>"
        "<p>Diese Gruppen heißen: Partner.</p>"
        "<h2>Sie haben eine Idee?</h2><p>Schreiben Sie uns. Oder rufen Sie an: [Telefon].</p>",
    ),
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
