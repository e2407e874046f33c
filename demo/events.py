"""Demo dates of the "Bündnis für Familie Musterhausen": the founding event, plenaries,
working-group meetings, invitations, replies and minutes. Runs after the partners and
working-groups demos and can run any number of times."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from arbeitsgruppen.models import WorkingGroup
from buendnis.models import FieldOfAction
from events.models import AgendaItem, Event, Invitation, Minutes, Registration, Suggestion, Task
from partners.models import Partner

BERLIN = ZoneInfo("Europe/Berlin")
TOWN_HALL = ("Bürgersaal im Rathaus", "Marktplatz 1, 12345 Musterhausen")
FAMILY_CENTRE = ("Familienzentrum Lindenhof", "Lindenstraße 14, 12345 Musterhausen")


# text, field, status, public answer, received
SUGGESTIONS = [
    (
        "Könnte das Ferienprogramm auch die Herbstferien abdecken? Gerade da fehlt uns jedes Jahr "
        "eine Betreuung.",
        "kindertagesbetreuung", Suggestion.Status.DONE,
        "Ja: Seit 2023 bietet die Stadt auch in den Herbstferien eine Woche Betreuung an.",
        datetime.date(2017, 11, 8),
    ),
    (
        "Ein Wickeltisch im Rathaus wäre schön – mit Baby auf dem Amt ist das bisher schwierig.",
        "familienfreundliche-kommunen", Suggestion.Status.DONE,
        "Danke für den Hinweis! Im Rathaus gibt es jetzt einen Wickelraum im Erdgeschoss.",
        datetime.date(2019, 3, 20),
    ),
    (
        "Ich pflege meine Mutter und arbeite Vollzeit. Gibt es Betriebe, die dafür Lösungen haben?",
        "beruf-und-pflege", Suggestion.Status.FORWARDED,
        "Wir haben Ihre Frage an die AG Beruf und Pflege weitergegeben. Erste Betriebe bilden "
        "gerade Pflege-Lotsen aus; die Infoabende sind in Planung.",
        datetime.date(2023, 10, 2),
    ),
    (
        "Bitte eine Kita, die sonntags öffnet.",
        "kindertagesbetreuung", Suggestion.Status.DECLINED,
        "Eine Sonntagsöffnung können die Träger derzeit nicht leisten. Die AG Betreuung in "
        "Randzeiten prüft aber Lösungen mit Tageseltern.",
        datetime.date(2024, 4, 15),
    ),
]


def _at(date, hour, minute=0):
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=BERLIN)


def _event(slug, **fields):
    event, _created = Event.objects.get_or_create(slug=slug, defaults=fields)
    return event


def _minutes(event, *, summary, items, guests, present, suggestions=(), approved=True,
             visibility=Minutes.Visibility.PUBLIC, recorded_by="Koordinationsstelle"):
    for text in suggestions:
        Suggestion.objects.get_or_create(
            event=event, text=text, defaults={"status": Suggestion.Status.IN_PROGRESS}
        )
    if Minutes.objects.filter(event=event).exists():
        return
    minutes = Minutes.objects.create(
        event=event,
        summary=summary,
        number_of_guests=guests,
        recorded_by=recorded_by,
        visibility=visibility,
        status=Minutes.Status.APPROVED if approved else Minutes.Status.DRAFT,
        approved_at=event.ends_at + datetime.timedelta(days=14) if approved else None,
        published_at=event.ends_at + datetime.timedelta(days=14) if approved else None,
    )
    minutes.partners_present.set(present)
    for position, (title, discussion, decisions, tasks) in enumerate(items, start=1):
        item = AgendaItem.objects.create(
            minutes=minutes, position=position, title=title, discussion=discussion,
            decisions=decisions,
        )
        for description, responsible, due_on in tasks:
            Task.objects.create(
                agenda_item=item, description=description, responsible=responsible, due_on=due_on
            )


def _founding_event(partners):
    event = _event(
        "gruendungsveranstaltung-2017",
        title="Gründungsveranstaltung des Bündnisses",
        kind=Event.Kind.FOUNDING,
        starts_at=_at(datetime.date(2017, 11, 8), 18),
        ends_at=_at(datetime.date(2017, 11, 8), 21),
        venue=TOWN_HALL[0],
        address=TOWN_HALL[1],
        description=(
            "<p>Das Bündnis für Familie Musterhausen stellt sich vor. Die ersten Partner "
            "unterschreiben die Gründungsurkunde. Alle Gäste können an Stellwänden aufschreiben, "
            "was Familien in Musterhausen brauchen.</p>"
        ),
    )
    _minutes(
        event,
        summary=(
            "Rund 120 Gäste feierten den Start des Bündnisses. Nach der Unterzeichnung der "
            "Gründungsurkunde sammelten die Anwesenden an vier Themenwänden ihre Wünsche."
        ),
        guests=96,
        present=[partner for partner in partners if partner.founding_partner] or partners[:6],
        items=[
            ("Begrüßung durch den Bürgermeister",
             "Der Bürgermeister dankte allen, die das Bündnis seit 2015 vorbereitet haben.", "", []),
            ("Warum ein Lokales Bündnis für Familie?",
             "Die Koordinatorin erläuterte, wie Lokale Bündnisse arbeiten: freiwillig, ohne "
             "Kosten, jede Organisation nach ihren Möglichkeiten.", "", []),
            ("Unterzeichnung der Gründungsurkunde",
             "Die Gründungspartner unterschrieben nacheinander auf der Bühne.",
             "Das Bündnis ist gegründet. Die Koordination liegt bei der Stadt.", []),
            ("Wünsche und Anregungen der Gäste",
             "An den Themenwänden kamen über 80 Karten zusammen. Am häufigsten genannt: "
             "Ferienbetreuung, flexible Arbeitszeiten, ein zentraler Ort für Informationen.",
             "Die Karten werden ausgewertet und den künftigen Arbeitsgruppen übergeben.",
             [("Karten abschreiben und nach Themen ordnen", "Koordinationsstelle",
               datetime.date(2017, 12, 15))]),
        ],
        suggestions=[
            "Eine Ferienbetreuung, die auch in den Sommerferien sechs Wochen abdeckt.",
            "Eine Stelle, an der man alle Angebote für Familien auf einen Blick findet.",
            "Mehr Betriebe mit Gleitzeit für Eltern und pflegende Angehörige.",
        ],
    )
    return event


def _past_plenaries(partners):
    first = _event(
        "buendnistreffen-2019",
        title="Erstes Bündnistreffen",
        kind=Event.Kind.PLENARY,
        starts_at=_at(datetime.date(2019, 3, 20), 17),
        ends_at=_at(datetime.date(2019, 3, 20), 20),
        venue=FAMILY_CENTRE[0],
        address=FAMILY_CENTRE[1],
        description="<p>Ein gutes Jahr nach der Gründung: Was ist erreicht, wie geht es weiter?</p>",
    )
    _minutes(
        first,
        summary="Die Partner zogen eine erste Bilanz und ordneten die Arbeitsgruppen neu.",
        guests=14,
        present=partners[:10],
        items=[
            ("Bericht der Koordination",
             "Seit der Gründung sind neue Partner hinzugekommen. Das Familienbüro hat seine "
             "Sprechzeiten ausgeweitet.", "", []),
            ("Berichte aus den Arbeitsgruppen",
             "Die Gruppen stellten ihre Projekte vor; die Ferienbetreuung lief erstmals im Sommer.",
             "", []),
            ("Neuordnung der Arbeitsgruppen",
             "Zwei Gruppen mit ähnlichen Themen wollen künftig gemeinsam arbeiten.",
             "Die Gruppen „Betreuung“ und „Schule und Freizeit“ werden zusammengelegt.",
             [("Gemeinsames Auftakttreffen einladen", "Koordinationsstelle",
               datetime.date(2019, 5, 1))]),
        ],
    )
    second = _event(
        "buendnistreffen-2023",
        title="Bündnistreffen 2023: Ziele auf dem Prüfstand",
        kind=Event.Kind.PLENARY,
        starts_at=_at(datetime.date(2023, 5, 10), 17),
        ends_at=_at(datetime.date(2023, 5, 10), 20, 30),
        venue=TOWN_HALL[0],
        address=TOWN_HALL[1],
        description=(
            "<p>Im Rahmen des Projekts „Zeit für Familie“ prüfen wir gemeinsam, ob unsere Ziele "
            "und unsere Arbeitsweise noch passen.</p>"
        ),
    )
    _minutes(
        second,
        summary="Die Partner bestätigten die Ziele und gründeten eine Gruppe zur Zeitpolitik.",
        guests=21,
        present=partners[:12],
        visibility=Minutes.Visibility.PARTNERS,
        items=[
            ("Rückblick auf fünf Jahre Bündnis",
             "Die Koordination stellte die wichtigsten Projekte seit der Gründung vor.", "", []),
            ("Werkstatt: Passen unsere Ziele noch?",
             "In Kleingruppen wurde diskutiert. Die Pflege von Angehörigen soll mehr Gewicht "
             "bekommen.",
             "Die Ziele bleiben; das Ziel zur Vereinbarkeit von Beruf und Pflege wird ergänzt.",
             [("Neue Fassung der Ziele im Portal veröffentlichen", "Koordinationsstelle",
               datetime.date(2023, 6, 30))]),
            ("Neue Arbeitsgruppe Zeitpolitik",
             "Mehrere Betriebe und die Stadtverwaltung wollen familienfreundliche Zeiten "
             "in Ämtern, Kitas und Betrieben aufeinander abstimmen.",
             "Die Arbeitsgruppe „Zeit für Familie“ wird gegründet.",
             [("Erstes Treffen der neuen Gruppe einberufen", "Stadtverwaltung",
               datetime.date(2023, 7, 15))]),
        ],
        suggestions=["Öffnungszeiten des Bürgerbüros auch am Samstagvormittag."],
    )


def _upcoming_plenary(partners, now):
    day = (now + datetime.timedelta(days=35)).astimezone(BERLIN).date()
    day += datetime.timedelta(days=(2 - day.weekday()) % 7)  # a Wednesday evening
    event = _event(
        "buendnistreffen-demo",
        title="Bündnistreffen: Familienfreundlich in die Zukunft",
        kind=Event.Kind.PLENARY,
        starts_at=_at(day, 17),
        ends_at=_at(day, 20),
        venue=TOWN_HALL[0],
        address=TOWN_HALL[1],
        registration_open=True,
        capacity=120,
        registration_deadline=_at(day - datetime.timedelta(days=7), 23, 59),
        childcare_offered=True,
        description=(
            "<p>Alle Partner sind eingeladen, Bürgerinnen und Bürger sind herzlich willkommen. "
            "Die Arbeitsgruppen berichten, wir sammeln Ideen für die nächsten zwei Jahre – und "
            "es gibt Zeit zum Kennenlernen.</p>"
            "<p>Während des Treffens betreuen Fachkräfte des Familienzentrums Kinder ab drei "
            "Jahren. Bitte melden Sie Kinder bei der Anmeldung an.</p>"
        ),
    )
    for index, partner in enumerate(partners):
        invitation, created = Invitation.objects.get_or_create(
            event=event, partner=partner, defaults={"sent_at": now - datetime.timedelta(days=3)}
        )
        if created and index % 3 == 0:
            invitation.reply = Invitation.Reply.ACCEPTED
            invitation.number_of_people = 1 + index % 2
            invitation.replied_at = now - datetime.timedelta(days=1)
            invitation.save()
        elif created and index % 5 == 1:
            invitation.reply = Invitation.Reply.DECLINED
            invitation.replied_at = now - datetime.timedelta(days=2)
            invitation.save()
    for name, email, people, children, ages in [
        ("Familie Yılmaz", "yilmaz@example.org", 3, 2, "4 und 7 Jahre"),
        ("Jonas Berger", "j.berger@example.org", 1, 0, ""),
    ]:
        Registration.objects.get_or_create(
            event=event,
            email=email,
            cancelled_at=None,
            defaults={
                "name": name, "number_of_people": people, "childcare_needed": bool(children),
                "number_of_children": children, "children_ages": ages,
            },
        )


def _working_group_meetings(now):
    groups = list(WorkingGroup.objects.active().filter(published=True).order_by("name")[:3])
    for number, group in enumerate(groups):
        past_day = (now - datetime.timedelta(days=40 + 7 * number)).astimezone(BERLIN).date()
        next_day = (now + datetime.timedelta(days=14 + 7 * number)).astimezone(BERLIN).date()
        # Groups meet on Tuesday afternoons.
        past_day -= datetime.timedelta(days=(past_day.weekday() - 1) % 7)
        next_day += datetime.timedelta(days=(1 - next_day.weekday()) % 7)
        _event(
            f"treffen-{group.slug}-rueckblick",
            title=f"Treffen der Arbeitsgruppe {group.name}",
            kind=Event.Kind.WORKING_GROUP,
            working_group=group,
            starts_at=_at(past_day, 16),
            ends_at=_at(past_day, 18),
            venue=FAMILY_CENTRE[0],
            address=FAMILY_CENTRE[1],
            description="<p>Die Gruppe bespricht den Stand ihrer Projekte.</p>",
        )
        _event(
            f"treffen-{group.slug}-offen",
            title=f"Offenes Treffen der Arbeitsgruppe {group.name}",
            kind=Event.Kind.WORKING_GROUP,
            working_group=group,
            starts_at=_at(next_day, 16),
            ends_at=_at(next_day, 18),
            venue=FAMILY_CENTRE[0],
            address=FAMILY_CENTRE[1],
            description=(
                "<p>Wer die Gruppe kennenlernen oder mitarbeiten möchte, ist herzlich "
                "eingeladen. Eine Anmeldung ist nicht nötig.</p>"
            ),
        )
    return len(groups)


def _answered_suggestions():
    fields = {field.slug: field for field in FieldOfAction.objects.all()}
    for text, field, status, answer, received in SUGGESTIONS:
        suggestion, created = Suggestion.objects.get_or_create(
            text=text,
            defaults={"field_of_action": fields.get(field), "status": status, "public_answer": answer},
        )
        if created:  # created_at is set automatically; the demo dates it back.
            Suggestion.objects.filter(pk=suggestion.pk).update(
                created_at=datetime.datetime.combine(received, datetime.time(12), datetime.UTC)
            )


def load(stdout):
    now = timezone.now()
    partners = list(Partner.objects.active().order_by("name"))
    _founding_event(partners)
    _past_plenaries(partners)
    _upcoming_plenary(partners, now)
    groups = _working_group_meetings(now)
    _answered_suggestions()
    stdout.write(
        f"Termine: {Event.objects.count()} (davon Treffen von {groups} Arbeitsgruppen), "
        f"Protokolle: {Minutes.objects.count()}, beantwortete Anregungen: {len(SUGGESTIONS)}."
    )
