"""Demo partners of the fictional alliance Musterhausen, with drawn logos.

Runs any number of times: existing partners are left alone, missing ones added.
"""

import datetime
import functools
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from partners.models import Declaration, Partner, Signature

FOUNDING_DAY = datetime.date(2017, 11, 8)

DECLARATIONS = [
    (
        "2017",
        datetime.date(2017, 11, 8),
        "<p>Wir wollen, dass Familien in Musterhausen gut leben und arbeiten können. Deshalb "
        "schließen wir uns zum Lokalen Bündnis für Familie zusammen.</p>"
        "<ul><li>Wir setzen uns für die Vereinbarkeit von Familie und Beruf ein.</li>"
        "<li>Wir unterstützen verlässliche Kinderbetreuung und Bildung.</li>"
        "<li>Wir bringen uns nach unseren Möglichkeiten ein.</li></ul>",
    ),
    (
        "2023",
        datetime.date(2023, 5, 10),
        "<p>Familien halten unsere Region zusammen. Wir, die unterzeichnenden Organisationen, "
        "arbeiten im Lokalen Bündnis für Familie Musterhausen zusammen, damit Familien hier gute "
        "Bedingungen vorfinden – in jeder Lebensphase.</p>"
        "<h2>Wofür wir eintreten</h2>"
        "<ul><li>Familie und Beruf sollen sich gut vereinbaren lassen – auch die Pflege von "
        "Angehörigen.</li>"
        "<li>Kinderbetreuung und Bildung sollen verlässlich und gut erreichbar sein.</li>"
        "<li>Familien sollen Information, Beratung und Unterstützung leicht finden.</li>"
        "<li>Gemeinden und Betriebe sollen spürbar familienfreundlicher werden.</li></ul>"
        "<h2>Wie wir mitwirken</h2>"
        "<p>Jede Organisation entscheidet selbst, wie und mit welchen Mitteln sie sich einbringt: "
        "mit Zeit, Räumen, Wissen, Kontakten oder in einer Arbeitsgruppe. Die Unterzeichnung "
        "kostet nichts, verpflichtet zu nichts und kann jederzeit beendet werden.</p>",
    ),
]

K = Partner.Kind
# name, kind, town, founding partner, signed on (None: online, recently), description, contribution
PARTNERS = [
    ("Stadt Musterhausen", K.MUNICIPALITY, "Musterhausen", True, FOUNDING_DAY,
     "Die Stadtverwaltung mit rund 450 Beschäftigten.",
     "Wir stellen die Geschäftsstelle im Familienzentrum und eine halbe Stelle für die Koordination."),
    ("Gemeinde Lindenau", K.MUNICIPALITY, "Lindenau", True, FOUNDING_DAY,
     "Eine ländliche Gemeinde mit sieben Ortsteilen.",
     "Wir öffnen unsere Dorfgemeinschaftshäuser für Treffen und Ferienangebote."),
    ("Landkreis Musterhausen", K.MUNICIPALITY, "Musterhausen", False, datetime.date(2019, 3, 20),
     "Der Landkreis mit seinem Jugendamt und der Pflegeberatung.",
     "Wir bringen die Pflegeberatung und die Frühen Hilfen in die Arbeitsgruppen ein."),
    ("Maschinenbau Berger GmbH", K.COMPANY, "Musterhausen", True, FOUNDING_DAY,
     "Familienunternehmen mit 180 Beschäftigten.",
     "Flexible Arbeitszeiten, ein Eltern-Kind-Büro und Beratung zur Pflege von Angehörigen."),
    ("Bäckerei Sonnenkorn", K.COMPANY, "Lindenau", False, None,
     "Handwerksbäckerei mit drei Filialen.",
     "Wir teilen unsere Erfahrungen mit familienfreundlichen Schichtplänen im Handwerk."),
    ("Sparkasse Musterhausen", K.COMPANY, "Musterhausen", True, FOUNDING_DAY,
     "Regionales Kreditinstitut.",
     "Wir unterstützen Projekte finanziell und bieten Vorträge zu Finanzen in der Familie an."),
    ("Pflegedienst Hand in Hand", K.HEALTH, "Birkenfeld", False, None,
     "Ambulanter Pflegedienst.",
     "Wir beraten Beschäftigte, die Angehörige pflegen, und kommen dafür auch in Betriebe."),
    ("Industrie- und Handelskammer Musterhausen", K.CHAMBER, "Musterhausen", True, FOUNDING_DAY,
     "Die Interessenvertretung der regionalen Wirtschaft.",
     "Wir tragen das Thema Vereinbarkeit in unsere Mitgliedsbetriebe."),
    ("Kreishandwerkerschaft Musterhausen", K.CHAMBER, "Musterhausen", False, datetime.date(2019, 3, 20),
     "Zusammenschluss der Innungen im Landkreis.",
     "Wir zeigen Handwerksbetrieben, wie Familienfreundlichkeit auch im kleinen Betrieb gelingt."),
    ("DGB-Kreisverband Musterhausen", K.UNION, "Musterhausen", False, None,
     "Gewerkschaftliche Vertretung der Beschäftigten.",
     "Wir beraten Betriebsräte zu familienbewussten Arbeitszeiten."),
    ("Agentur für Arbeit Musterhausen", K.JOB_CENTRE, "Musterhausen", True, FOUNDING_DAY,
     "Beratung und Vermittlung für Arbeitsuchende und Betriebe.",
     "Unsere Beauftragte für Chancengleichheit berät Eltern beim Wiedereinstieg."),
    ("Jobcenter Landkreis Musterhausen", K.JOB_CENTRE, "Musterhausen", False, None,
     "Grundsicherung und Unterstützung für Arbeitsuchende.",
     "Wir helfen Alleinerziehenden, Betreuung und Arbeit zusammenzubringen."),
    ("Bürgerstiftung Musterhausen", K.FOUNDATION, "Musterhausen", False, None,
     "Stiftung von Bürgerinnen und Bürgern für Bürgerinnen und Bürger.",
     "Wir fördern kleine Projekte für Familien mit bis zu 2.000 Euro."),
    ("Hochschule Musterhausen", K.SCHOOL, "Musterhausen", False, datetime.date(2019, 3, 20),
     "Hochschule für angewandte Wissenschaften.",
     "Studierende untersuchen in Projekten, was Familien in der Region brauchen."),
    ("Grundschule am Lindenplatz", K.SCHOOL, "Lindenau", False, None,
     "Offene Ganztagsschule mit 240 Kindern.",
     "Wir arbeiten an verlässlichen Betreuungszeiten in den Ferien mit."),
    ("Kreisklinikum Musterhausen", K.HEALTH, "Musterhausen", True, FOUNDING_DAY,
     "Krankenhaus der Grund- und Regelversorgung.",
     "Wir bringen Erfahrungen mit Kinderbetreuung im Schichtdienst ein."),
    ("Evangelische Kirchengemeinde Musterhausen", K.CHURCH, "Musterhausen", True, FOUNDING_DAY,
     "Kirchengemeinde mit Familienzentrum und zwei Kindertagesstätten.",
     "Wir stellen Räume zur Verfügung und organisieren Eltern-Kind-Gruppen."),
    ("Katholische Pfarrei St. Marien", K.CHURCH, "Birkenfeld", False, None,
     "Pfarrei mit fünf Gemeinden.",
     "Wir laden zu Familiencafés ein und vermitteln Ehrenamtliche."),
    ("Kinder- und Jugendhilfe Regenbogen e. V.", K.YOUTH_WELFARE, "Musterhausen", False, None,
     "Freier Träger von Kitas und Jugendtreffs.",
     "Wir bringen unsere Fachkräfte in die Arbeitsgruppe Kinderbetreuung ein."),
    ("Kita-Verbund Lindenau", K.YOUTH_WELFARE, "Lindenau", False, datetime.date(2019, 3, 20),
     "Vier Kindertagesstätten unter einem Dach.",
     "Wir erproben Randzeitenbetreuung für Eltern im Schichtdienst."),
    ("Familiennetzwerk Musterhausen e. V.", K.ASSOCIATION, "Musterhausen", True, FOUNDING_DAY,
     "Verein von Eltern für Eltern.",
     "Wir organisieren den Familienwegweiser und die Babysitter-Börse."),
    ("Sportverein TuS Birkenfeld", K.ASSOCIATION, "Birkenfeld", False, None,
     "Sportverein mit 900 Mitgliedern.",
     "Wir bieten Sportkurse parallel zu Elternkursen an."),
    ("Mehrgenerationenhaus Musterhausen", K.OTHER, "Musterhausen", False, None,
     "Offener Treffpunkt für alle Generationen.",
     "Wir vermitteln Leihgroßeltern und bieten einen offenen Mittagstisch."),
    ("Wirtschaftsforum Musterhausen", K.ASSOCIATION, "Musterhausen", True, FOUNDING_DAY,
     "Zusammenschluss von Betrieben aus der Region.",
     "Wir haben das Bündnis mit angestoßen und laden Betriebe zum Erfahrungsaustausch ein."),
    ("Fahrschule Weber", K.COMPANY, "Birkenfeld", False, None,
     "Kleiner Familienbetrieb.",
     "Wir haben mitgemacht, solange wir konnten."),
]
# This one left the alliance; its record of membership stays.
WITHDRAWN = "Fahrschule Weber"

COLOURS = ["#1d5c8c", "#b3401f", "#2f7d4f", "#6b3fa0", "#8a6d1d", "#0f6e76", "#a0325a"]


def initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"


def draw_logo(name, colour):
    """A square logo: the organisation's initials on a coloured background."""
    return ContentFile(_logo_png(initials(name), colour))


@functools.cache
def _logo_png(letters, colour):
    """Drawn once per process: the tests load the demo about forty times, and encoding
    the PNGs was a tenth of it."""
    image = Image.new("RGB", (240, 240), colour)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((12, 12, 228, 228), radius=36, outline="#ffffff", width=6)
    font = ImageFont.load_default(size=96)
    draw.text((120, 124), letters, fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _at_noon(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(12)))


def load(stdout):
    declarations = {}
    for version, valid_from, text in DECLARATIONS:
        declarations[version], _created = Declaration.objects.get_or_create(
            version=version,
            defaults={"valid_from": valid_from, "text": text, "title": "Bündniserklärung"},
        )
    if not Declaration.objects.filter(is_current=True).exists():
        Declaration.objects.filter(pk=declarations["2023"].pk).update(is_current=True)

    now = timezone.now()
    created = 0
    for number, (name, kind, town, founding, signed_on, description, contribution) in enumerate(
        PARTNERS
    ):
        partner, is_new = Partner.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "kind": kind,
                "town": town,
                "founding_partner": founding,
                "description": description,
                "contribution": contribution,
                "website": f"https://www.{slugify(name)}.example.org",
                "contact_name": "Demo-Ansprechperson",
                "contact_email": f"kontakt@{slugify(name)}.example.org",
                "entry_confirmed_at": now,
            },
        )
        if not is_new:
            continue
        created += 1
        partner.logo.save("logo.png", draw_logo(name, COLOURS[number % len(COLOURS)]))
        if signed_on:
            signed_at = _at_noon(signed_on)
            declaration = declarations["2017" if signed_on < datetime.date(2023, 5, 10) else "2023"]
            source = Signature.Source.PAPER
        else:
            signed_at = now - datetime.timedelta(days=400 - 15 * number)
            declaration = declarations["2023"]
            source = Signature.Source.ONLINE
        # Paper signatures count from the day they were signed; online ones from the
        # click on the confirmation link a little later.
        confirmed_at = signed_at
        if source == Signature.Source.ONLINE:
            confirmed_at += datetime.timedelta(hours=2)
        signature = Signature.objects.create(
            partner=partner,
            declaration=declaration,
            signed_at=signed_at,
            confirmed_at=confirmed_at,
            source=source,
        )
        if name == WITHDRAWN:
            signature.withdrawn_at = now - datetime.timedelta(days=30)
            signature.save(update_fields=["withdrawn_at"])
            Partner.objects.filter(pk=partner.pk).update(
                listed=False, contact_name="", contact_email="", contact_phone=""
            )
    stdout.write(
        f"Bündniserklärung und Partner: {Partner.objects.count()} vorhanden, {created} neu angelegt."
    )
