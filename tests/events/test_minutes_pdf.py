import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import AgendaItem, Minutes, Task
from tests.factories import AgendaItemFactory, EventFactory, InvitationFactory, PartnerFactory, TaskFactory
from tests.support.pdfs import (
    assert_a4,
    assert_edges_clear,
    assert_not_blank,
    pdf_text,
    queries,
    read_pdf,
    squeeze,
)
from tests.support.responses import assert_not_found

URL = "/termine/buendnistreffen-2025/protokoll.pdf"


def test_url_name(past_plenary):
    assert reverse("events:minutes_pdf", kwargs={"slug": past_plenary.slug}) == URL


def test_approved_minutes_as_pdf(client, alliance, full_minutes, tmp_path):
    full_minutes(items=3)

    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="Protokoll-buendnistreffen-2025.pdf"'
    content = response.content
    assert content.startswith(b"%PDF-")
    assert_a4(content)
    reader = read_pdf(content)
    assert reader.metadata.title == "Protokoll: Bündnistreffen 2025"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    text = pdf_text(content)
    for expected in [
        alliance.name,
        "Bündnistreffen 2025",
        "Mittwoch, 12. März 2025, 18:00–20:30 Uhr",
        "Bürgersaal im Rathaus, Marktplatz 1, 12345 Musterhausen",
        "2 Partnerorganisationen, 12 Gäste",
        "Stadt Musterhausen",
        "Familienzentrum am Marktplatz",
        "TOP 3",
        "Tagesordnungspunkt Nummer 3",
        "Aussprache zu Punkt 2.",
        "Beschluss zu Punkt 1: einstimmig angenommen.",
        "Aufgabe aus Punkt 3",
        "Geschäftsstelle",
        "01.05.2025",
        "Mehr Ferienangebote für Jugendliche.",
        "Dieses Protokoll wurde am 2. April 2025 freigegeben.",
    ]:
        assert squeeze(expected) in squeeze(text), expected
    assert "Entwurf" not in text
    assert_not_blank(content, tmp_path)


def test_every_page_has_page_numbers_and_the_approval_date(client, alliance, full_minutes):
    full_minutes(items=20)

    reader = read_pdf(client.get(URL).content)

    pages = len(reader.pages)
    assert pages > 1
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Seite {number} von {pages}" in text
        assert "Protokoll freigegeben am 2. April 2025" in text


def test_fifty_agenda_items_paginate_cleanly(client, alliance, full_minutes, tmp_path):
    full_minutes(items=55)

    content = client.get(URL).content

    reader = read_pdf(content)
    # Each item (discussion, decision box, task table) takes a third of a page at most.
    assert 6 <= len(reader.pages) <= 55 // 3
    text = squeeze(pdf_text(content))
    for number in (1, 27, 55):
        assert squeeze(f"Tagesordnungspunkt Nummer {number}") in text
        assert squeeze(f"Beschluss zu Punkt {number}: einstimmig angenommen.") in text
    assert_edges_clear(content, tmp_path)


def test_long_text_and_names_stay_on_the_page(client, alliance, full_minutes, tmp_path):
    minutes = full_minutes(items=1)
    endless = "Vereinbarkeitsberatungsstellenkoordination" * 5
    minutes.partners_present.add(PartnerFactory(name=endless[:200]))
    AgendaItemFactory(minutes=minutes, position=9, title=endless, discussion=endless * 3)

    content = client.get(URL).content

    # The discussion runs over a page break: leave out the running header and footer
    # that the text extraction puts between its halves.
    running = ("Protokoll: Bündnistreffen 2025", " · Seite ")
    lines = [line for line in pdf_text(content).splitlines() if not any(part in line for part in running)]
    assert squeeze(endless * 3) in squeeze("".join(lines))
    assert_edges_clear(content, tmp_path)


def test_html_and_script_from_the_admin_appear_as_text(client, alliance, full_minutes):
    minutes = full_minutes(items=0)
    AgendaItemFactory(
        minutes=minutes,
        position=1,
        title="<h1>Groß</h1>",
        discussion="<script>alert('x')</script>",
        decisions='<img src="http://example.org/track.png">',
    )

    text = pdf_text(client.get(URL).content)

    assert "<h1>Groß</h1>" in text
    assert "<script>alert('x')</script>" in text
    assert squeeze('<img src="http://example.org/track.png">') in squeeze(text)


def test_draft_minutes_are_not_public(client, alliance, full_minutes):
    full_minutes(approved=False)

    assert_not_found(client.get(URL))


def test_minutes_for_partners_only_are_not_public(client, alliance, full_minutes):
    full_minutes(visibility=Minutes.Visibility.PARTNERS)

    assert_not_found(client.get(URL))


def test_minutes_of_an_unpublished_event_are_not_public(client, alliance, full_minutes, past_plenary):
    full_minutes()
    past_plenary.published = False
    past_plenary.save()

    assert_not_found(client.get(URL))


@pytest.mark.django_db
def test_event_without_minutes_or_unknown_event(client, past_plenary):
    assert_not_found(client.get(URL))
    assert_not_found(client.get("/termine/gibt-es-nicht/protokoll.pdf"))


def test_minutes_of_another_event_are_their_own(client, alliance, full_minutes):
    start = timezone.make_aware(datetime.datetime(2024, 3, 1, 18))
    other = EventFactory(
        title="AG Familie und Beruf", slug="ag-beruf", starts_at=start, ends_at=start
    )
    full_minutes(event=other)

    assert_not_found(client.get(URL))
    text = pdf_text(client.get("/termine/ag-beruf/protokoll.pdf").content)
    assert "AG Familie und Beruf" in text


def test_only_partners_of_the_directory_are_named(client, alliance, full_minutes):
    minutes = full_minutes()
    minutes.partners_present.add(
        PartnerFactory(name="Verborgen e. V.", listed=False),
        PartnerFactory(name="Ausgetreten GmbH", pending=True),
    )

    text = pdf_text(client.get(URL).content)

    assert "Verborgen" not in text and "Ausgetreten" not in text
    assert "4 Partnerorganisationen, 12 Gäste" in text
    expected = "Dazu 2 Partnerorganisationen, die im Verzeichnis nicht genannt werden."
    assert squeeze(expected) in squeeze(text)


def test_minutes_of_an_invitation_only_event_are_not_public(
    client,
    alliance,
    full_minutes,
    past_plenary,
):
    full_minutes()
    past_plenary.is_public = False
    past_plenary.save()

    assert_not_found(client.get(URL))


def test_invited_partner_gets_minutes_for_partners_only(client, alliance, full_minutes):
    minutes = full_minutes(visibility=Minutes.Visibility.PARTNERS)
    invitation = InvitationFactory(event=minutes.event, partner__name="Eingeladen")
    url = reverse("events:invitation_minutes_pdf", kwargs={"token": invitation.token})

    response = client.get(url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "Tagesordnungspunkt Nummer 1" in pdf_text(response.content)
    assert_not_found(client.get(URL))


def test_invitation_link_gives_no_draft_and_no_unknown_token(client, alliance, full_minutes):
    minutes = full_minutes(approved=False)
    invitation = InvitationFactory(event=minutes.event, partner__name="Eingeladen")

    url = reverse("events:invitation_minutes_pdf", kwargs={"token": invitation.token})
    assert_not_found(client.get(url))
    wrong = client.get(reverse("events:invitation_minutes_pdf", kwargs={"token": "falsch"}))
    assert wrong.status_code == 404
    assert "Dieser Link ist ungültig" in wrong.content.decode()


def test_building_it_costs_the_same_queries_for_5_or_500_items(
    client,
    alliance,
    full_minutes,
    fake_weasyprint,
):
    minutes = full_minutes(items=5)
    url = "/termine/buendnistreffen-2025/protokoll.pdf"
    few = queries(client, url)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(minutes=minutes, position=10 + number, title=f"Punkt {number}") for number in range(495)
    )
    Task.objects.bulk_create(Task(agenda_item=item, description="Erledigen") for item in items)
    minutes.partners_present.add(*[PartnerFactory() for _ in range(50)])

    assert queries(client, url) == few


def test_labels_run_in_and_votes_stay_with_their_item(client, alliance, full_minutes):
    """The labels lead their block ("Diskussion: …"), "TOP n" leads the heading; the vote
    of one item never shows under the next (the template keeps it in a variable)."""
    minutes = full_minutes(items=0)
    voted = AgendaItemFactory(
        minutes=minutes,
        position=1,
        title="Haushalt",
        discussion="Kurze Aussprache.\n\nZweiter Absatz <b>fett</b>?",
        decisions="Haushalt beschlossen.",
        votes_yes=9,
        votes_no=0,
        votes_abstain=1,
    )
    TaskFactory(agenda_item=voted, description="Haushalt veröffentlichen", responsible="Vorstand")
    AgendaItemFactory(
        minutes=minutes, position=2, title="Verschiedenes", decisions="Kein Beschluss nötig."
    )

    text = squeeze(pdf_text(client.get(URL).content))

    for expected in (
        "TOP 1 – Haushalt",
        "Diskussion: Kurze Aussprache.",
        "Zweiter Absatz <b>fett</b>?",
        "Beschlüsse: Haushalt beschlossen. Abstimmung: 9 Ja, 0 Nein, 1 Enthaltungen",
        "Aufgaben: Haushalt veröffentlichen – wer: Vorstand · bis wann: –",
        "TOP 2 – Verschiedenes",
    ):
        assert squeeze(expected) in text, expected
    assert text.count("Abstimmung") == 1
    assert text.index(squeeze("Kein Beschluss nötig.")) > text.index("Abstimmung")
