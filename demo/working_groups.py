"""Demo data: working groups and projects in the fields of action.

Runs after the alliance's and the partners' demo, so working groups and projects name
real demo partners when there are any. Every run only adds what is missing.
"""

import datetime

from arbeitsgruppen.models import Mandate, Project, TargetGroup, WorkingGroup
from buendnis.models import FieldOfAction
from partners.models import Partner

D = datetime.date

TARGET_GROUPS = [
    ("familien-mit-kleinen-kindern", "Familien mit kleinen Kindern"),
    ("alleinerziehende", "Alleinerziehende"),
    ("pflegende-angehoerige", "pflegende Angehörige"),
    ("beschaeftigte", "Beschäftigte"),
    ("unternehmen", "Unternehmen"),
    ("jugendliche", "Jugendliche"),
]

# slug, name, field, status, started, ended, mandate, public contact
GROUPS = [
    (
        "familienfreundliche-betriebe", "AG Familienfreundliche Betriebe",
        "familienfreundliche-arbeitswelt", WorkingGroup.Status.ACTIVE, D(2018, 2, 1), None,
        "Die Gruppe begleitet kleine und mittlere Betriebe, die familienfreundlicher werden "
        "wollen, vermittelt Erfahrungen zwischen den Betrieben und vergibt gemeinsam mit den "
        "Kammern ein regionales Siegel.",
        "Ansprechpartnerin ist die Koordinatorin des Bündnisses.",
    ),
    (
        "randzeitenbetreuung", "AG Betreuung in Randzeiten", "kindertagesbetreuung",
        WorkingGroup.Status.ACTIVE, D(2019, 4, 1), None,
        "Die Gruppe sucht Lösungen für Eltern im Schichtdienst und mit langen Arbeitswegen: "
        "Betreuung vor 7 und nach 17 Uhr, gemeinsam mit Kitas, Tageseltern und Arbeitgebern.",
        "",
    ),
    (
        "ferienbetreuung", "AG Ferienbetreuung", "kindertagesbetreuung",
        WorkingGroup.Status.COMPLETED, D(2018, 1, 15), D(2021, 9, 30),
        "Ein Ferienprogramm für Grundschulkinder berufstätiger Eltern aufbauen, das alle "
        "Schulferien abdeckt.",
        "",
    ),
    (
        "zeitpolitik-fuer-familien", "AG Zeitpolitik für Familien", "familienfreundliche-kommunen",
        WorkingGroup.Status.ACTIVE, D(2023, 6, 1), None,
        "Familien fehlt vor allem Zeit. Die Gruppe untersucht, wo Takte von Schule, Kita, Arbeit, "
        "Bus und Verwaltung nicht zusammenpassen, und schlägt konkrete Änderungen vor.",
        "Die Gruppe freut sich über Hinweise von Eltern – am besten über das Anregungsformular.",
    ),
    (
        "familienwegweiser", "AG Familienwegweiser", "familienfreundliche-kommunen",
        WorkingGroup.Status.COMPLETED, D(2018, 3, 1), D(2020, 2, 28),
        "Alle Angebote für Familien in Stadt und Landkreis in einem Wegweiser zusammentragen.",
        "",
    ),
    (
        "elternbildung-vor-ort", "AG Elternbildung vor Ort", "elternkompetenz",
        WorkingGroup.Status.DISCONTINUED, D(2018, 5, 1), D(2020, 11, 30),
        "Elternkurse in die Dörfer des Landkreises bringen. Die Gruppe wurde eingestellt, weil "
        "die Familienzentren die Kurse inzwischen selbst anbieten.",
        "",
    ),
    (
        "elterncafes", "AG Elterncafés", "elternkompetenz",
        WorkingGroup.Status.ACTIVE, D(2021, 1, 10), None,
        "Offene Treffpunkte für Eltern mit Babys und Kleinkindern in Familienzentren und "
        "Gemeindehäusern, mit Fachleuten als Gästen.",
        "",
    ),
    (
        "beruf-und-pflege", "AG Beruf und Pflege", "beruf-und-pflege",
        WorkingGroup.Status.ACTIVE, D(2022, 3, 1), None,
        "Betriebe für das Thema Pflege sensibilisieren, betriebliche Pflege-Lotsinnen und "
        "-Lotsen ausbilden und die Beratungsangebote der Region bekannter machen.",
        "",
    ),
]

# The AG Familienfreundliche Betriebe carried on with a new mandate.
EARLIER_MANDATES = {
    "familienfreundliche-betriebe": [
        (
            "Einen Leitfaden für familienfreundliche Personalpolitik in kleinen Betrieben "
            "erarbeiten.",
            D(2018, 2, 1), D(2020, 12, 31),
            "Der Leitfaden erschien 2020 und wurde an über 300 Betriebe verteilt.",
        ),
    ],
}

# slug, title, field, group (or None = bündnisweit), status, start, end, target groups, summary
PROJECTS = [
    ("siegel-familienfreundlicher-betrieb", "Siegel „Familienfreundlicher Betrieb“",
     "familienfreundliche-arbeitswelt", "familienfreundliche-betriebe", "running",
     D(2021, 3, 1), None, ["unternehmen", "beschaeftigte"],
     "Betriebe, die nachweislich familienfreundlich handeln, erhalten ein regionales Siegel."),
    ("leitfaden-personalpolitik", "Leitfaden familienfreundliche Personalpolitik",
     "familienfreundliche-arbeitswelt", "familienfreundliche-betriebe", "completed",
     D(2018, 6, 1), D(2020, 10, 31), ["unternehmen"],
     "Praxisnahe Tipps für kleine Betriebe, von der Teilzeit bis zum Kontakt in der Elternzeit."),
    ("wiedereinstieg-nach-elternzeit", "Sprechstunde Wiedereinstieg",
     "familienfreundliche-arbeitswelt", None, "planned", D(2026, 2, 1), None,
     ["beschaeftigte", "alleinerziehende"],
     "Eine monatliche Sprechstunde mit der Agentur für Arbeit für Eltern, die zurück in den "
     "Beruf wollen."),
    ("kita-randzeiten-pilot", "Pilot: Kita öffnet um 6 Uhr",
     "kindertagesbetreuung", "randzeitenbetreuung", "running", D(2022, 9, 1), None,
     ["familien-mit-kleinen-kindern", "beschaeftigte"],
     "Zwei Kitas erproben längere Öffnungszeiten für Eltern im Schichtdienst."),
    ("tageseltern-netzwerk", "Netzwerk Tageseltern für Notfälle",
     "kindertagesbetreuung", "randzeitenbetreuung", "idea", None, None,
     ["familien-mit-kleinen-kindern", "alleinerziehende"],
     "Tageseltern springen ein, wenn die reguläre Betreuung ausfällt."),
    ("ferienprogramm", "Ferienprogramm „Sommer daheim“",
     "kindertagesbetreuung", "ferienbetreuung", "completed", D(2019, 7, 1), D(2021, 8, 31),
     ["familien-mit-kleinen-kindern", "beschaeftigte"],
     "Betreuung in allen Sommerferienwochen; seit 2022 führt die Stadt das Programm weiter."),
    ("familienwegweiser", "Familienwegweiser Musterhausen",
     "familienfreundliche-kommunen", "familienwegweiser", "completed",
     D(2018, 3, 1), D(2020, 2, 28), ["familien-mit-kleinen-kindern", "alleinerziehende"],
     "Alle Angebote für Familien in einem Heft und online."),
    ("familienzeit-check", "Familienzeit-Check für Ämter",
     "familienfreundliche-kommunen", "zeitpolitik-fuer-familien", "running",
     D(2024, 1, 15), None, ["familien-mit-kleinen-kindern", "beschaeftigte"],
     "Passen Öffnungszeiten und Termine zu Familien? Die Gruppe prüft es mit Eltern zusammen."),
    ("schulbus-takt", "Schulbus und Arbeitsbeginn abstimmen",
     "familienfreundliche-kommunen", "zeitpolitik-fuer-familien", "planned",
     D(2026, 8, 1), None, ["jugendliche", "beschaeftigte"],
     "Mit dem Verkehrsbetrieb Fahrpläne so anpassen, dass Schul- und Arbeitszeiten passen."),
    ("spielplatz-paten", "Spielplatzpaten",
     "familienfreundliche-kommunen", None, "discontinued", D(2019, 5, 1), D(2020, 6, 30),
     ["familien-mit-kleinen-kindern"],
     "Ehrenamtliche sollten Spielplätze betreuen; es fanden sich zu wenige Paten."),
    ("elternkurse-doerfer", "Elternkurse in den Dörfern",
     "elternkompetenz", "elternbildung-vor-ort", "discontinued", D(2019, 1, 1), D(2020, 11, 30),
     ["familien-mit-kleinen-kindern"],
     "Wanderkurse für Eltern; heute übernehmen die Familienzentren."),
    ("elterncafe-marktplatz", "Elterncafé am Marktplatz",
     "elternkompetenz", "elterncafes", "running", D(2021, 3, 1), None,
     ["familien-mit-kleinen-kindern", "alleinerziehende"],
     "Jeden Donnerstagvormittag: Kaffee, Austausch und eine Fachfrau mit offenem Ohr."),
    ("vaeter-wochenende", "Väter-Kind-Wochenende",
     "elternkompetenz", None, "idea", None, None, ["familien-mit-kleinen-kindern"],
     "Ein Wochenende im Grünen nur für Väter und ihre Kinder."),
    ("pflege-lotsen", "Betriebliche Pflege-Lotsen",
     "beruf-und-pflege", "beruf-und-pflege", "running", D(2023, 1, 1), None,
     ["pflegende-angehoerige", "beschaeftigte", "unternehmen"],
     "Beschäftigte werden geschult, um Kolleginnen und Kollegen mit Pflegeaufgaben zu beraten."),
    ("pflege-infoabend", "Infoabende „Plötzlich Pflegefall“",
     "beruf-und-pflege", "beruf-und-pflege", "planned", D(2026, 3, 1), None,
     ["pflegende-angehoerige"],
     "Pflegestützpunkt, Krankenkasse und Betriebe erklären, welche Hilfe es gibt."),
]

DESCRIPTION = (
    "<p>{summary}</p><p>Wer mitmachen oder mehr erfahren möchte, wendet sich an die "
    "Koordination des Bündnisses.</p>"
)

def _members(partners, start, count):
    if not partners:
        return []
    return [partners[(start + offset) % len(partners)] for offset in range(min(count, len(partners)))]


def load(stdout):
    fields = {field.slug: field for field in FieldOfAction.objects.all()}

    targets = {}
    for slug, name in TARGET_GROUPS:
        targets[slug], _ = TargetGroup.objects.get_or_create(slug=slug, defaults={"name": name})

    partners = list(Partner.objects.active().order_by("pk"))
    groups = {}
    for index, (slug, name, field, status, started, ended, mandate, contact) in enumerate(GROUPS):
        group, _ = WorkingGroup.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "field_of_action": fields[field], "status": status,
                      "started_on": started, "ended_on": ended, "mandate": mandate,
                      "public_contact": contact},
        )
        groups[slug] = group
        if partners and not group.members.exists():
            group.members.set(_members(partners, index * 3, 4))
        for text, mandate_start, mandate_end, outcome in EARLIER_MANDATES.get(slug, []):
            Mandate.objects.get_or_create(
                working_group=group, text=text,
                defaults={"started_on": mandate_start, "ended_on": mandate_end, "outcome": outcome},
            )

    # Members of a group are interested in its field of action.
    for field in fields.values():
        if not field.interested_partners.exists():
            field.interested_partners.add(
                *{member for group in groups.values() if group.field_of_action_id == field.pk
                  for member in group.members.all()}
            )

    for index, (slug, title, field, group, status, start, end, target_slugs, summary) in enumerate(
        PROJECTS
    ):
        project, created = Project.objects.get_or_create(
            slug=slug,
            defaults={"title": title, "field_of_action": fields[field],
                      "working_group": groups.get(group), "status": status, "starts_on": start,
                      "ends_on": end, "summary": summary,
                      "description": DESCRIPTION.format(summary=summary)},
        )
        if created:
            project.target_groups.set(targets[target] for target in target_slugs)
        if partners and not project.partners.exists():
            project.partners.set(_members(partners, index * 2, 2))

    stdout.write(
        f"Arbeitsgruppen: {len(groups)}, Projekte: {len(PROJECTS)} – vorhanden."
    )
