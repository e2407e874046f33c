"""The demo alliance's pages in Leichte Sprache: written by the alliance itself (here: by
us, from the alliance's facts), short sentences, common words, every hard word explained,
no abbreviations. All six are published."""

from buendnis.models import EasyReadPage

Topic = EasyReadPage.Topic


def _p(*sentences):
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _list(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


HOME = {
    "title": "Leichte Sprache",
    "main_contents": _p(
        "Das ist die Website vom Bündnis für Familie in Musterhausen.",
        "Ein Bündnis ist eine Gruppe.",
        "In der Gruppe arbeiten viele zusammen.",
        "Alle haben das gleiche Ziel:",
        "Familien sollen in Musterhausen gut leben.",
        "Auf dieser Website steht zum Beispiel:",
    ) + _list(
        "Wer macht beim Bündnis mit?",
        "Was macht das Bündnis für Familien?",
        "Wann sind die nächsten Treffen?",
        "Wie können Sie mitmachen?",
    ),
    "navigation": _p(
        "Oben auf jeder Seite ist ein Menü.",
        "Im Menü stehen die wichtigen Seiten.",
        "Zum Beispiel: Partner und Termine.",
        "Auf einem Handy ist das Menü auch oben.",
        "Oben steht auch: Leichte Sprache.",
        "Damit kommen Sie immer zurück zu dieser Seite.",
        "Ganz unten auf jeder Seite steht unsere Adresse.",
        "Dort steht auch unsere Telefon-Nummer.",
    ),
    "accessibility": _p(
        "Alle Menschen sollen unsere Website gut benutzen können.",
        "Auch Menschen mit Behinderung.",
        "Das nennt man: barriere-frei.",
        "Wir haben geprüft: Wie barriere-frei ist unsere Website?",
        "Das Ergebnis steht in der Erklärung zur Barriere-Freiheit.",
        "Dort steht auch: So melden Sie uns ein Problem.",
        "Den Link zur Erklärung finden Sie unten auf jeder Seite.",
    ),
    "other_pages": _p("Diese Seiten gibt es auch in Leichter Sprache:"),
}

PAGES = {
    Topic.ABOUT: {
        "title": "Das Bündnis für Familie",
        "body": "<h2>Was ist das Bündnis?</h2>" + _p(
            "Im Bündnis arbeiten viele Gruppen zusammen.",
            "Zum Beispiel: Firmen, die Stadt, Kirchen, Schulen und Vereine.",
            "Diese Gruppen heißen: Partner.",
            "Alle Partner sind gleich wichtig.",
        ) + "<h2>Was will das Bündnis?</h2>" + _list(
            "Alle Familien finden leicht Hilfe und Beratung.",
            "Eltern können arbeiten und haben Zeit für ihre Kinder.",
            "Kinder werden gut betreut.",
            "Menschen können arbeiten und ihre kranken Eltern pflegen.",
        ) + "<h2>Wie arbeitet das Bündnis?</h2>" + _p(
            "Es gibt Arbeits-Gruppen.",
            "In einer Arbeits-Gruppe treffen sich Menschen zu einem Thema.",
            "Sie planen zusammen Projekte.",
            "Ein Projekt ist eine Aufgabe mit einem Ziel.",
            "Zum Beispiel: Betreuung für Kinder in den Ferien.",
            "Alle 1 bis 2 Jahre gibt es ein großes Treffen.",
            "Das Treffen heißt: Bündnis-Treffen.",
            "Alle Partner sind eingeladen.",
            "Alle Bürger sind auch herzlich willkommen.",
        ) + "<h2>Wer leitet das Bündnis?</h2>" + _p(
            "Maria Beispiel leitet das Bündnis.",
            "Sie ist die Koordinatorin.",
            "Das heißt: Sie plant die Arbeit.",
            "Sie lädt zu den Treffen ein.",
            "Und sie ist für Ihre Fragen da.",
        ) + "<h2>Seit wann gibt es das Bündnis?</h2>" + _p(
            "Das Bündnis gibt es seit dem 8. November 2017.",
            "An diesem Tag war ein Fest im Rathaus.",
            "Die ersten Partner haben ein Papier unterschrieben.",
            "Das Papier heißt: Gründungs-Urkunde.",
        ),
    },
    Topic.JOIN: {
        "title": "Mitmachen im Bündnis",
        "body": "<h2>Wer kann Partner werden?</h2>" + _p(
            "Jede Gruppe kann Partner werden.",
            "Die Gruppe will Familien helfen.",
            "Zum Beispiel: eine Firma, ein Verein oder eine Kirchen-Gemeinde.",
        ) + "<h2>So werden Sie Partner</h2>" + _p(
            "Es gibt einen Text.",
            "Der Text heißt: Bündnis-Erklärung.",
            "In dem Text steht: Wir wollen Familien helfen.",
            "Sie unterschreiben den Text im Internet.",
            "Danach bekommen Sie eine E-Mail.",
            "In der E-Mail ist ein Link.",
            "Sie klicken auf den Link.",
            "Dann sind Sie Partner.",
        ) + "<h2>Was kostet das?</h2>" + _p(
            "Es kostet nichts.",
            "Sie entscheiden selbst: So helfe ich mit.",
            "Zum Beispiel mit Zeit, mit einem Raum oder mit Ihrem Wissen.",
            "Sie können jederzeit wieder aufhören.",
        ) + "<h2>Sie sind keine Gruppe?</h2>" + _p(
            "Sie können trotzdem mitmachen.",
            "Kommen Sie zum Bündnis-Treffen.",
            "Oder schreiben Sie uns Ihre Idee.",
        ),
    },
    Topic.DATES: {
        "title": "Termine",
        "body": _p(
            "Das Bündnis macht Treffen und Feste.",
            "Hier stehen die nächsten Termine.",
            "Bei manchen Terminen müssen Sie sich anmelden.",
            "Das heißt: Sie sagen vorher Bescheid: Ich komme.",
            "Das steht dann bei dem Termin.",
            "Sie brauchen Hilfe beim Anmelden?",
            "Dann rufen Sie uns an: 01234 / 567 89-0.",
        ),
    },
    Topic.CONTACT: {
        "title": "So erreichen Sie uns",
        "body": _p(
            "Sie haben eine Frage?",
            "Oder Sie haben eine Idee für Familien?",
            "Dann schreiben Sie uns.",
            "Oder rufen Sie uns an.",
            "Ihre Ansprech-Partnerin ist Maria Beispiel.",
            "Sie ist die Koordinatorin vom Bündnis.",
            "Frau Beispiel hat die Telefon-Nummer: 01234 / 567 89-12.",
            "Unser Büro ist im Familien-Zentrum am Marktplatz.",
            "Sie möchten uns besuchen?",
            "Dann rufen Sie bitte vorher an.",
        ),
    },
    Topic.ACCESSIBILITY: {
        "title": "Barriere-Freiheit",
        "body": "<h2>Was heißt barriere-frei?</h2>" + _p(
            "Barriere-frei heißt: Alle Menschen können etwas gut benutzen.",
            "Auch Menschen mit Behinderung.",
            "Wir wollen: Unsere Website ist barriere-frei.",
        ) + "<h2>Was ist noch schwer?</h2>" + _p(
            "Wir haben die Website geprüft.",
            "Das meiste ist gut.",
            "Aber es gibt noch Probleme.",
            "Zum Beispiel bei alten Protokollen.",
            "Ein Protokoll ist ein Text über ein Treffen.",
            "Die alten Protokolle sind nur Fotos von Papier.",
            "Ein Computer kann die Fotos nicht vorlesen.",
            "Sie brauchen ein altes Protokoll als Text?",
            "Dann schreiben Sie uns.",
            "Wir schicken Ihnen den Text.",
        ) + "<h2>Sie finden ein Problem?</h2>" + _p(
            "Dann sagen Sie es uns.",
            "Unsere E-Mail-Adresse ist: info@buendnis-musterhausen.example.org",
            "Unsere Telefon-Nummer ist: 01234 / 567 89-0.",
            "Wir helfen Ihnen nicht?",
            "Dann hilft Ihnen eine Stelle vom Land.",
            "Die Stelle heißt: Schlichtungs-Stelle.",
            "Die E-Mail-Adresse ist: schlichtung@land.example.org",
        ),
    },
}


def load():
    """The six pages, once; later edits by the coordinator are kept."""
    have = set(EasyReadPage.objects.values_list("topic", flat=True))
    for topic, fields in {Topic.HOME: HOME, **PAGES}.items():
        if topic not in have:
            EasyReadPage.objects.create(topic=topic, **fields, published=True)
