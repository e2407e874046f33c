"""Events over ten years and one ahead, with registrations and plenary invitations."""

from datetime import timedelta

from django.utils.text import slugify

from demo.national.words import BATCH, TOWNS, WORDS, sentence
from events.models import Event, Invitation, Registration


def events(rng, now, count, groups, partners, log):
    start = Event.objects.count()
    kinds = [Event.Kind.PUBLIC] * 5 + [Event.Kind.WORKING_GROUP] * 3 + [Event.Kind.PLENARY]
    events = []
    for number in range(start, start + count):
        kind = rng.choice(kinds)
        # Ten years back, one year ahead.
        begins = now + timedelta(days=rng.randint(-3650, 365), hours=rng.randint(0, 10))
        title = f"{Event.Kind(kind).label}: {rng.choice(WORDS)} {number}"
        open_for_registration = kind == Event.Kind.PUBLIC and rng.random() < 0.7
        events.append(Event(
            title=title, slug=slugify(title), kind=kind,
            description=f"<p>{sentence(rng, 50)}</p>",
            starts_at=begins, ends_at=begins + timedelta(hours=rng.randint(1, 4)),
            venue=f"Bürgerhaus {rng.choice(TOWNS)}", address="Marktplatz 1, 12345 Musterhausen",
            working_group=rng.choice(groups) if groups and kind == Event.Kind.WORKING_GROUP else None,
            is_public=kind != Event.Kind.WORKING_GROUP or rng.random() < 0.5,
            registration_open=open_for_registration,
            capacity=rng.choice([None, 30, 50, 120]) if open_for_registration else None,
            registration_deadline=begins - timedelta(days=1) if open_for_registration else None,
            childcare_offered=rng.random() < 0.3,
        ))
    Event.objects.bulk_create(events, batch_size=BATCH)
    events = list(Event.objects.order_by("pk")[start:])
    registrations = []
    invitations = []
    for event in events:
        if event.registration_open:
            places = event.capacity or 60
            for seat in range(rng.randint(0, min(places, 40))):
                registrations.append(Registration(
                    event=event, name=f"Gast {event.pk}-{seat}",
                    email=f"gast{event.pk}-{seat}@example.org",
                    number_of_people=rng.randint(1, 3),
                    childcare_needed=event.childcare_offered and rng.random() < 0.3,
                ))
        if event.kind == Event.Kind.PLENARY:
            for partner in rng.sample(partners, min(150, len(partners))):
                reply = rng.choice(Invitation.Reply.values)
                invitations.append(Invitation(
                    event=event, partner=partner, sent_at=event.starts_at - timedelta(days=30),
                    reply=reply, number_of_people=1 if reply == Invitation.Reply.ACCEPTED else 0,
                ))
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    Invitation.objects.bulk_create(invitations, batch_size=BATCH)
    log(f"{len(events)} Termine, {len(registrations)} Anmeldungen, "
             f"{len(invitations)} Einladungen")
