"""What a new alliance starts with (`cockpit.alliances.create_alliance`): its content
pages as drafts to complete, and the fields of action most alliances work in."""

from buendnis.models import Page

# Drafts: not published until the coordinator has filled in the brackets.
PAGES = {
    Page.Slug.LEGAL_NOTICE: (
        "Impressum",
        "<h2>Angaben gemäß § 5 DDG</h2>"
        "<p>[Name des Bündnisses]<br>[Träger, z. B. Stadt oder Landkreis]<br>[Straße und "
        "Hausnummer]<br>[PLZ und Ort]</p>"
        "<h2>Kontakt</h2><p>Telefon: [Telefon]<br>E-Mail: [E-Mail-Adresse]</p>"
        "<h2>Verantwortlich für den Inhalt</h2><p>[Name], [Funktion], Anschrift wie oben.</p>",
    ),
    Page.Slug.PRIVACY: (
        "Datenschutz",
        "<h2>Wer ist verantwortlich?</h2><p>Verantwortlich für die Verarbeitung Ihrer Daten "
        "ist [Name des Bündnisses oder seines Trägers], Anschrift im Impressum.</p>"
        "<h2>Welche Daten wir erheben</h2><ul>"
        "<li><strong>Partner:</strong> Angaben zur Organisation (öffentlich) sowie Name, "
        "E-Mail-Adresse und Telefonnummer einer Ansprechperson (nie öffentlich).</li>"
        "<li><strong>Anregungen:</strong> Ihr Text und, wenn Sie möchten, Name und "
        "E-Mail-Adresse für eine Antwort.</li>"
        "<li><strong>Anmeldungen zu Veranstaltungen:</strong> Name, E-Mail-Adresse, Anzahl der "
        "Personen, Angaben zu Kinderbetreuung und Barrierefreiheit.</li></ul>"
        "<h2>Ihre Rechte</h2><p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, "
        "Einschränkung der Verarbeitung, Widerspruch und Datenübertragbarkeit sowie das Recht, "
        "sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren. [Zuständige Behörde]</p>",
    ),
    Page.Slug.ACCESSIBILITY: (
        "Erklärung zur Barrierefreiheit",
        "<p>Dieses Portal ist mit klarer Struktur und ausreichenden Kontrasten gestaltet, per "
        "Tastatur bedienbar und funktioniert ohne JavaScript.</p>"
        "<h2>Barriere melden</h2><p>Ist Ihnen eine Barriere aufgefallen? Schreiben Sie an "
        "[E-Mail-Adresse] oder rufen Sie an: [Telefon].</p>",
    ),
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
