"""Demo data: the fictional "Lokales Bündnis für Familie Musterhausen".

The facts follow two real alliances (see shared/domain); every sentence is our own.
"""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from buendnis.models import Account, Alliance, FieldOfAction, Milestone, Page
from buendnis.roles import COORDINATION
from demo import easy_read

ALLIANCE = {
    "name": "Lokales Bündnis für Familie Musterhausen",
    "short_name": "Bündnis für Familie Musterhausen",
    "region": "Stadt und Landkreis Musterhausen",
    "tagline": "Gemeinsam machen wir Musterhausen familienfreundlicher.",
    "introduction": (
        "Im Bündnis für Familie Musterhausen arbeiten Betriebe, Gemeinden, Vereine, Kirchen, "
        "Schulen, Beratungsstellen und viele andere zusammen. Alle haben ein Ziel: dass Familien "
        "in unserer Region gut leben und arbeiten können.\n\n"
        "Wer mitmacht, bringt ein, was er kann – Zeit, Räume, Wissen oder Kontakte. Die "
        "Partnerschaft kostet nichts und kann jederzeit beendet werden."
    ),
    "what_is_a_local_alliance": (
        "<p>Ein Lokales Bündnis für Familie ist ein freiwilliger Zusammenschluss von Menschen "
        "und Organisationen aus Wirtschaft, Politik und Zivilgesellschaft vor Ort. Sie "
        "verbessern mit Projekten, die sich am Bedarf orientieren, die Lebens- und "
        "Arbeitsbedingungen von Familien.</p>"
        "<p>Jede Partnerin und jeder Partner engagiert sich nach den eigenen Möglichkeiten und "
        "mit dem eigenen Fachwissen. Im Mittelpunkt stehen die Vereinbarkeit von Familie und "
        "Beruf, verlässliche Kinderbetreuung, eine familienfreundliche Infrastruktur und immer "
        "öfter auch die Vereinbarkeit von Beruf und der Pflege von Angehörigen.</p>"
        "<p>Bundesweit gibt es mehr als 670 solcher Bündnisse mit über 13.000 Akteuren in rund "
        "5.200 Projekten. Eine bundesweite Servicestelle begleitet sie und gibt Anregungen.</p>"
    ),
    "goals": (
        "Alle Familien finden leicht Information, Beratung und Unterstützung.\n"
        "Familie und Beruf lassen sich gut miteinander vereinbaren.\n"
        "Kinderbetreuung und Bildung sind verlässlich und gut erreichbar.\n"
        "Beschäftigte können Beruf und die Pflege von Angehörigen verbinden.\n"
        "Gemeinden und Betriebe in der Region werden spürbar familienfreundlicher."
    ),
    "how_we_work": (
        "<p>Unser Bündnis ist ein Netzwerk gleichberechtigter Partner. Partner ist, wer die "
        "Bündniserklärung unterschrieben hat. Die Unterschrift kostet nichts und bringt keine "
        "Pflichten mit sich: Jeder Partner bestimmt selbst, wie und mit welchen Mitteln er sich "
        "einbringt, und kann das Bündnis jederzeit wieder verlassen. Partner werden gern "
        "öffentlich genannt – deshalb zeigt dieses Portal alle Partner.</p>"
        "<p>Die Arbeit gliedert sich in Handlungsfelder. Zu jedem Handlungsfeld bilden sich "
        "Arbeitsgruppen, die so selbstständig wie möglich konkrete Projekte entwickeln und so viel "
        "Unterstützung bekommen wie nötig. Manche Gruppen schließen ihr Projekt ab, andere "
        "machen mit einem neuen Auftrag weiter, neue Gruppen kommen hinzu.</p>"
        "<p>Alle ein bis zwei Jahre laden wir alle Partner zum Bündnistreffen (Plenum) ein. "
        "Interessierte Bürgerinnen und Bürger sind dort ausdrücklich willkommen.</p>"
    ),
    "coordination_text": (
        "Die Koordinatorin ist die erste Ansprechpartnerin für alle Anliegen. Sie organisiert "
        "Einladungen und Protokolle, recherchiert, verbindet die Arbeitsgruppen miteinander und "
        "mit anderen Netzwerken und vertritt das Bündnis gegenüber Presse und Öffentlichkeit."
    ),
    "steering_group_text": (
        "Die Steuerungsgruppe lenkt das Bündnis, behält die Finanzen im Blick und lässt sich von "
        "der Koordinatorin regelmäßig berichten."
    ),
    "office_text": (
        "Die Geschäftsstelle ist für die ersten drei Jahre im Familienzentrum am Marktplatz "
        "untergebracht. Danach soll das Bündnis eigene Räume beziehen."
    ),
    "working_groups_text": (
        "In den Arbeitsgruppen bringen ehrenamtlich und hauptamtlich Engagierte ihre Zeit und "
        "ihr Können ein. Jede Gruppe gehört zu einem Handlungsfeld."
    ),
    "street": "Marktplatz 1",
    "postal_code": "12345",
    "town": "Musterhausen",
    "email": "info@buendnis-musterhausen.example.org",
    # The alliance's own sender, so its mails do not come from the installation's address.
    "sender_email": "post@buendnis-musterhausen.example.org",
    "phone": "01234 / 567 89-0",
    "founding_date": datetime.date(2017, 11, 8),
    "founding_place": "Musterhausen, Bürgersaal im Rathaus",
    "founding_text": (
        "Wir, die unterzeichnenden Organisationen, gründen heute das Lokale Bündnis für Familie "
        "Musterhausen. Wir wollen, dass Familien in unserer Region gute Bedingungen zum Leben "
        "und Arbeiten vorfinden. Dafür bündeln wir unsere Kräfte, teilen unser Wissen und "
        "entwickeln gemeinsam Angebote, die Familien wirklich brauchen. Jede Organisation trägt "
        "nach ihren Möglichkeiten dazu bei."
    ),
    "coordinator_title": "Koordinatorin",
    "coordinator_name": "Maria Beispiel",
    "coordinator_email": "koordination@buendnis-musterhausen.example.org",
    "coordinator_phone": "01234 / 567 89-12",
}

MILESTONES = [
    (
        datetime.date(2015, 10, 1),
        "Herbst 2015",
        "Erste Schritte",
        "Das örtliche Wirtschaftsforum, ein Familiennetzwerk und die Stadt beschließen, die "
        "Vereinbarkeit von Familie und Beruf in der Region gemeinsam voranzubringen.",
    ),
    (
        datetime.date(2016, 6, 1),
        "2016",
        "Modelle geprüft",
        "Eine Arbeitsgruppe vergleicht verschiedene Formen der Zusammenarbeit und prüft, was in "
        "unserer ländlichen Region praktisch umsetzbar ist.",
    ),
    (
        datetime.date(2017, 4, 1),
        "Frühjahr 2017",
        "Vorschlag: ein Familienbüro",
        "Die Arbeitsgruppe schlägt vor, die Angebote in einem Familienbüro zu bündeln. Als Form "
        "der Zusammenarbeit wählt sie ein Lokales Bündnis für Familie.",
    ),
    (
        datetime.date(2017, 11, 8),
        "",
        "Gründungsveranstaltung",
        "Das Bündnis stellt sich der Öffentlichkeit vor, die Gründungspartner unterzeichnen die "
        "Gründungsurkunde, und Bürgerinnen und Bürger bringen ihre Wünsche und Anregungen ein.",
    ),
    (
        datetime.date(2019, 3, 20),
        "",
        "Erstes Bündnisplenum",
        "Die Partner ziehen eine erste Bilanz und richten die Arbeitsgruppen neu aus.",
    ),
    (
        datetime.date(2023, 5, 10),
        "",
        "Ziele auf dem Prüfstand",
        "Im Projekt „Zeit für Familie“ stellt das Bündnis seine Ziele und Strukturen auf den "
        "Prüfstand; eine neue Arbeitsgruppe zur Zeitpolitik für Familien entsteht.",
    ),
]

# What the profile does not say (address, e-mail and phone come from it).
LEGAL_FACTS = {
    Page.Slug.LEGAL_NOTICE: {
        "responsible_body": "Lokales Bündnis für Familie Musterhausen, c/o Stadt Musterhausen",
        "representative": "Bürgermeisterin Petra Sommer",
        "content_responsible": "Maria Beispiel, Koordinatorin des Bündnisses",
    },
    Page.Slug.PRIVACY: {
        "responsible_body": "Lokales Bündnis für Familie Musterhausen, c/o Stadt Musterhausen",
        "privacy_contact": (
            "Datenschutzbeauftragter der Stadt Musterhausen, datenschutz@musterhausen.example.org"
        ),
        "supervisory_authority": (
            "Landesbeauftragte für den Datenschutz, Postfach 1234, 12340 Landeshauptstadt"
        ),
        "hosting_provider": "Rechenzentrum Musterhausen GmbH, Serverweg 5, 12345 Musterhausen",
    },
    Page.Slug.ACCESSIBILITY: {
        "enforcement_body": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz des Landes, "
        "schlichtung@land.example.org",
    },
}

PAGES = {
    # The legal pages are built from their facts (LEGAL_FACTS); the body adds to them.
    Page.Slug.LEGAL_NOTICE: (
        "Impressum",
        "<p><em>Dies ist ein fiktives Demo-Bündnis. Alle Namen und Adressen sind erfunden.</em></p>",
    ),
    Page.Slug.PRIVACY: ("Datenschutz", ""),
    Page.Slug.ACCESSIBILITY: (
        "Erklärung zur Barrierefreiheit",
        "<h2>Bekannte Barrieren</h2><p>Ältere Protokolle aus der Zeit vor 2020 liegen nur als "
        "eingescannte PDF-Dateien vor. Auf Wunsch schicken wir sie Ihnen als Text.</p>",
    ),
    Page.Slug.ABOUT: (
        "Mitmachen",
        "<p>Jede Organisation, die sich für Familien einsetzen möchte, kann Partner werden – "
        "vom Handwerksbetrieb bis zur Kirchengemeinde. Auch Bürgerinnen und Bürger können "
        "mitwirken: in einer Arbeitsgruppe, beim Bündnistreffen oder mit einer Anregung.</p>",
    ),
}


FIELDS = [
    (
        "familienfreundliche-arbeitswelt",
        "Familienfreundliche Arbeitswelt – Vereinbarkeit von Familie und Beruf",
        "Betriebe und Verwaltungen, in denen Familie und Beruf zusammenpassen.",
        "<p>Wer Kinder großzieht, braucht Arbeitgeber, die mitdenken: flexible Arbeitszeiten, "
        "Unterstützung beim Wiedereinstieg nach der Elternzeit und eine Kultur, in der "
        "Familienpflichten kein Karrierehindernis sind.</p><p>In diesem Handlungsfeld tauschen "
        "sich Unternehmen, Kammern, Gewerkschaften und die Agentur für Arbeit aus und machen gute "
        "Beispiele aus der Region bekannt.</p>",
    ),
    (
        "kindertagesbetreuung",
        "Kindertagesbetreuung – Bildung, Erziehung und Betreuung",
        "Verlässliche Betreuung für Kinder jeden Alters – auch in den Randzeiten und Ferien.",
        "<p>Gute Betreuung ist die Voraussetzung dafür, dass Eltern arbeiten können, und zugleich "
        "ein Bildungsangebot für die Kinder. Wir schauen dorthin, wo es Lücken gibt: frühmorgens, "
        "abends, in den Schulferien und bei kranken Kindern.</p>",
    ),
    (
        "familienfreundliche-kommunen",
        "Familienfreundliche Kommunen – örtliche Aktivitäten",
        "Städte und Gemeinden, in denen Familien sich zurechtfinden und wohlfühlen.",
        "<p>Familienfreundlichkeit entscheidet sich vor Ort: bei Öffnungszeiten von Ämtern, "
        "Busverbindungen, Spielplätzen und Treffpunkten. Hier arbeiten Gemeinden, Vereine und "
        "Kirchengemeinden zusammen.</p>",
    ),
    (
        "elternkompetenz",
        "Erziehungs- und Elternkompetenz – Familienbildung",
        "Angebote, die Eltern im Familienalltag stärken.",
        "<p>Eltern wollen ihre Sache gut machen und freuen sich über Rat, der zu ihrem Alltag "
        "passt. Familienbildungsstätten, Beratungsstellen, Hebammen und Schulen bringen ihre "
        "Angebote dorthin, wo Familien ohnehin sind.</p>",
    ),
    (
        "beruf-und-pflege",
        "Vereinbarkeit von Beruf und Pflege",
        "Unterstützung für Beschäftigte, die Angehörige pflegen.",
        "<p>Immer mehr Beschäftigte kümmern sich neben der Arbeit um pflegebedürftige Eltern oder "
        "Partner. Wir helfen Betrieben, darauf vorbereitet zu sein, und machen Beratung und "
        "Entlastung für pflegende Angehörige leichter auffindbar.</p>",
    ),
]


def load(stdout):
    load_profile(stdout)
    for position, (slug, name, summary, description) in enumerate(FIELDS, start=1):
        FieldOfAction.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "summary": summary, "description": description,
                      "position": position * 10},
        )
    stdout.write("Handlungsfelder: vorhanden.")


def load_profile(stdout):
    """The alliance's profile, history and content pages."""
    alliance = Alliance.current()
    # Fill the profile once; later edits by the coordinator are kept.
    if not alliance.founding_date:
        for field, value in ALLIANCE.items():
            setattr(alliance, field, value)
        alliance.save()

    # What is there already, in one query per kind (the tests load the profile 600 times).
    have = set(Milestone.objects.values_list("title", flat=True))
    for date, label, title, text in MILESTONES:
        if title not in have:
            Milestone.objects.create(title=title, date=date, date_label=label, text=text)

    have = set(Page.objects.values_list("slug", flat=True))
    for slug, (title, body) in PAGES.items():
        if slug not in have:
            Page.objects.create(slug=slug, title=title, body=body, **LEGAL_FACTS.get(slug, {}))
    easy_read.load()
    stdout.write("Bündnisprofil, Geschichte, Inhaltsseiten und Leichte Sprache: vorhanden.")


def ensure_admin(stdout, username="koordination"):
    """Create the coordinator's admin account once (in the active alliance) and print its login."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        stdout.write(
            f"Admin-Konto „{username}“ besteht bereits (Passwort ändern: "
            f"python manage.py changepassword {username})."
        )
        return None
    password = secrets.token_urlsafe(12)
    # The coordinator's own account of the alliance (the role Koordination), as
    # create_alliance makes it: no superuser, who belongs to no alliance.
    user = User.objects.create_user(
        username=username, email="koordination@buendnis-musterhausen.example.org",
        password=password, first_name="Maria", last_name="Beispiel", is_staff=True,
    )
    user.groups.add(Group.objects.get_or_create(name=COORDINATION)[0])
    Account.objects.create(user=user)
    stdout.write("")
    stdout.write("=" * 60)
    stdout.write("Admin-Zugang (wird nur dieses eine Mal angezeigt):")
    stdout.write("  Adresse:   http://127.0.0.1:8000/verwaltung/")
    stdout.write(f"  Benutzer:  {username}")
    stdout.write(f"  Passwort:  {password}")
    stdout.write("Beim ersten Anmelden richten Sie die Zwei-Faktor-Anmeldung ein: QR-Code mit")
    stdout.write("einer Authenticator-App scannen und den sechsstelligen Code eingeben.")
    stdout.write("=" * 60)
    return password
