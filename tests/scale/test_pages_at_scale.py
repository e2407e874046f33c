"""What changed for national scale in the public pages (see bench/README.md)."""

from datetime import timedelta

from django.utils import timezone

from arbeitsgruppen.models import Project
from buendnis.models import FieldOfAction
from partners.models import Declaration, Partner, Signature


def test_field_list_shows_a_dozen_running_projects_and_links_to_the_rest(client, alliance):
    field = FieldOfAction.objects.create(name="Beruf und Pflege", slug="beruf-und-pflege")
    for number in range(20):
        Project.objects.create(
            title=f"Projekt {number:02}", slug=f"projekt-{number:02}", field_of_action=field,
            status=Project.Status.RUNNING,
        )
    html = client.get("/handlungsfelder/").content.decode()
    assert html.count('href="/projekte/projekt-') == 12
    assert "Projekt 00" in html and "Projekt 12" not in html
    assert "/projekte/?handlungsfeld=beruf-und-pflege&amp;status=running" in html
    assert client.get("/projekte/?handlungsfeld=beruf-und-pflege&status=running").status_code == 200


def test_field_list_without_many_projects_has_no_link_to_more(client, alliance):
    field = FieldOfAction.objects.create(name="Zeitpolitik", slug="zeitpolitik")
    Project.objects.create(title="Rathaus am Abend", slug="rathaus", field_of_action=field,
                           status=Project.Status.RUNNING)
    html = client.get("/handlungsfelder/").content.decode()
    assert "Rathaus am Abend" in html
    assert "status=running" not in html


def test_home_names_the_newest_listed_partners_in_order(client, alliance):
    declaration = Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    now = timezone.now()
    for number in range(10):
        partner = Partner.objects.create(
            name=f"Partner {number}", slug=f"partner-{number}", kind=Partner.Kind.COMPANY,
            listed=number != 9,
        )
        Signature.objects.create(
            partner=partner, declaration=declaration, confirmed_at=now - timedelta(days=10 - number)
        )
    withdrawn = Partner.objects.create(name="Ehemalig", slug="ehemalig", kind=Partner.Kind.OTHER)
    Signature.objects.create(partner=withdrawn, declaration=declaration, confirmed_at=now,
                             withdrawn_at=now)
    html = client.get("/").content.decode()
    shown = [f"Partner {number}" for number in range(10) if f">Partner {number}<" in html]
    assert shown == [f"Partner {number}" for number in range(3, 9)]
    assert html.index(">Partner 8<") < html.index(">Partner 3<")
    assert ">Partner 9<" not in html and "Ehemalig" not in html


def test_upcoming_dates_are_paginated(client, alliance):
    from events.models import Event

    start = timezone.now() + timedelta(days=1)
    for number in range(25):
        Event.objects.create(
            title=f"Termin {number:02}", slug=f"termin-{number:02}", kind=Event.Kind.PUBLIC,
            starts_at=start + timedelta(days=number), ends_at=start + timedelta(days=number, hours=2),
        )
    first = client.get("/termine/").content.decode()
    assert "Termin 00" in first and "Termin 19" in first and "Termin 20" not in first
    assert 'href="?seite=2"' in first
    second = client.get("/termine/?seite=2").content.decode()
    assert "Termin 20" in second and "Termin 24" in second and "Termin 19" not in second
    assert "Seite 2 von 2" in second
    assert '<a class="page-link" href="?seite=1">Frühere</a>' in second
    assert 'href="?seite=2">Spätere</a>' in first


def test_partner_list_links_a_few_pages_not_all(client, alliance):
    declaration = Declaration.objects.create(version="2024", text="<p>Text</p>", is_current=True)
    for number in range(24 * 12):
        partner = Partner.objects.create(
            name=f"Partner {number:03}", slug=f"partner-{number:03}", kind=Partner.Kind.COMPANY
        )
        Signature.objects.create(partner=partner, declaration=declaration, confirmed_at=timezone.now())
    html = client.get("/partner/?seite=6").content.decode()
    for linked in (1, 4, 5, 6, 7, 8, 12):
        assert f"seite={linked}\"" in html, linked
    for hidden in (2, 3, 9, 10, 11):
        assert f"seite={hidden}\"" not in html, hidden
    assert html.count("…") >= 2


def test_field_list_shows_a_dozen_active_groups_and_links_to_the_field(client, alliance):
    from arbeitsgruppen.models import WorkingGroup

    field = FieldOfAction.objects.create(name="Beruf und Pflege", slug="beruf-und-pflege")
    for number in range(15):
        WorkingGroup.objects.create(
            name=f"AG {number:02}", slug=f"ag-{number:02}", field_of_action=field,
            mandate="Auftrag",
        )
    html = client.get("/handlungsfelder/").content.decode()
    assert html.count('href="/arbeitsgruppen/ag-') == 12
    assert "AG 00" in html and "AG 12" not in html
    assert "Alle Arbeitsgruppen dieses Handlungsfelds" in html
    assert "AG 14" in client.get(field.get_absolute_url()).content.decode()
