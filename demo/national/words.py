"""The words the generated names and texts are made of."""

FIELDS = [
    ("Familienfreundliche Arbeitswelt", "Betriebe, die Familie und Beruf vereinbar machen."),
    ("Kinderbetreuung und Bildung", "Verlässliche Betreuung vom Krippenalter bis zur Schule."),
    ("Familienfreundliche Kommune", "Orte, an denen Familien gern leben."),
    ("Elternkompetenz stärken", "Beratung und Bildung für Mütter und Väter."),
    ("Beruf und Pflege", "Beschäftigte, die Angehörige pflegen, unterstützen."),
    ("Zeitpolitik für Familien", "Öffnungszeiten, Fahrpläne und Termine, die zu Familien passen."),
    ("Gesundheit und Prävention", "Gesund aufwachsen, gesund bleiben."),
    ("Integration und Teilhabe", "Alle Familien erreichen, gleich welcher Herkunft."),
]
TARGET_GROUPS = [
    "Alleinerziehende", "Eltern mit kleinen Kindern", "Jugendliche", "Pflegende Angehörige",
    "Beschäftigte", "Familien mit Migrationsgeschichte", "Großeltern", "Arbeitgeber",
]
PREFIXES = [
    "Nord", "Süd", "Ober", "Unter", "Alt", "Neu", "Bad ", "Klein", "Groß", "Hohen", "Nieder", "Mittel",
]
SUFFIXES = ["heim", "dorf", "stadt", "feld", "bach", "berg", "hausen", "ingen", "burg", "au", "tal", "brück"]
TOWNS = [
    "Musterhausen", "Beispielstadt", "Neudorf", "Altheim", "Bergfeld", "Talstadt", "Seeburg",
    "Waldkirchen", "Rosenau", "Lindenberg", "Hohenstein", "Kleinbach",
]
WORDS = [
    "Familien", "Zukunft", "Netzwerk", "Bildung", "Pflege", "Kinder", "Eltern", "Zeit",
    "Beratung", "Arbeit", "Gesundheit", "Freizeit", "Nachbarschaft", "Sprache", "Sport",
]
BATCH = 2000


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS).lower() for _ in range(words)).capitalize() + "."


def spread(total, count, exponent=0.8):
    """`total` over `count` alliances, the largest first, falling like 1/rank^exponent."""
    if count == 1:
        return [total]
    weights = [1 / (rank ** exponent) for rank in range(1, count + 1)]
    scale = total / sum(weights)
    shares = [int(weight * scale) for weight in weights]
    for index in range(total - sum(shares)):  # the remainder to the largest
        shares[index % count] += 1
    return shares
