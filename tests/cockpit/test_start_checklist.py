"""The start checklist on the coordinator's dashboard: every item open for a new
alliance, each with what is missing and one link; gone once everything is done."""

import pytest
from django.contrib.auth import get_user_model

from buendnis.models import Page
from buendnis.tenancy import activate
from cockpit import alliances, checklist
from tests.factories import EventFactory, PartnerFactory, current_declaration

ITEMS = ["profile", "impressum", "datenschutz", "barrierefreiheit", "easy_read", "declaration",
         "sender", "partner", "meeting"]


@pytest.fixture
def nordheim(alliance, role_groups):
    new, _link = alliances.create_alliance(
        name="Bündnis für Familie Nordheim", domain="nordheim.localhost",
        admin_email="k@nordheim.example.org",
    )
    return new


def test_a_new_alliance_has_every_item_open_with_a_link(nordheim):
    with activate(nordheim):
        items = checklist.items()
    assert [item.key for item in items] == ITEMS
    assert [item.done for item in items] == [False] * len(ITEMS)
    for item in items:
        assert item.missing, item.key
        assert item.url and item.url.startswith("/verwaltung/"), item.key
    by_key = {item.key: item for item in items}
    assert by_key["profile"].missing == (
        "Es fehlen: Straße und Hausnummer, PLZ, Ort, Name der Koordination."
    )
    assert "Vertreten durch" in by_key["impressum"].missing
    assert "Datenschutz-Aufsichtsbehörde" in by_key["datenschutz"].missing
    assert "Schlichtungsstelle" in by_key["barrierefreiheit"].missing
    # Leichte Sprache: the starter wrote three of the four parts; what the site is about is hers.
    assert by_key["easy_read"].missing == "Es fehlen: Worum es auf der Website geht."
    assert by_key["declaration"].missing == "Noch keine Fassung ist als aktuelle Fassung veröffentlicht."
    assert by_key["partner"].url == "/verwaltung/partners/partner/papier/"
    # Straight to the field to fill in.
    assert by_key["profile"].url == f"/verwaltung/buendnis/alliance/{nordheim.pk}/change/#id_street"
    assert by_key["sender"].url == f"/verwaltung/buendnis/alliance/{nordheim.pk}/change/#id_sender_email"


def test_the_new_coordinator_sees_the_checklist_on_her_dashboard(client, nordheim):
    with activate(nordheim):
        coordinator = get_user_model().objects.get(username="k@nordheim.example.org")
    client.force_login(coordinator)
    response = client.get("/verwaltung/", HTTP_HOST="nordheim.localhost")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bis zur fertigen Website" in content
    assert "0 von 9 Schritten erledigt." in content
    assert content.count('class="cockpit-state-open"') == 9
    assert "Papier-Unterzeichnung erfassen" in content
    # Every link of the checklist opens for her.
    with activate(nordheim):
        urls = [item.url for item in checklist.items()]
    for url in urls:
        path, _hash, anchor = url.partition("#")
        response = client.get(path, HTTP_HOST="nordheim.localhost")
        assert response.status_code == 200, url
        assert not anchor or f'id="{anchor}"' in response.content.decode(), url


def test_the_checklist_follows_her_work_and_disappears_when_all_is_done(coordinator_client, alliance):
    alliance.sender_email = ""
    alliance.save()
    states = {item.key: item.done for item in checklist.items()}
    # The demo alliance: profile and legal pages complete, nothing else yet.
    assert states == {
        "profile": True, "impressum": True, "datenschutz": True, "barrierefreiheit": True,
        "easy_read": True, "declaration": False, "sender": False, "partner": False, "meeting": False,
    }
    content = coordinator_client.get("/verwaltung/").content.decode()
    assert "5 von 9 Schritten erledigt." in content

    current_declaration()
    alliance.sender_email = "post@buendnis-musterhausen.example.org"
    alliance.save()
    PartnerFactory(name="Bäckerei Korn")
    EventFactory(title="Erstes Bündnistreffen")
    assert all(item.done for item in checklist.items())
    content = coordinator_client.get("/verwaltung/").content.decode()
    assert "Bis zur fertigen Website" not in content
    assert "Auf einen Blick" in content


def test_a_placeholder_in_the_current_declaration_keeps_its_item_open(alliance):
    declaration = current_declaration()
    declaration.text = "<p>Familien in [Ort] sollen gut leben.</p>"
    declaration.save()
    item = {item.key: item for item in checklist.items()}["declaration"]
    assert not item.done
    assert item.missing == "Im Text steht noch ein Platzhalter: [Ort]."


def test_an_unpublished_legal_page_opens_its_item_again(alliance):
    Page.objects.filter(slug=Page.Slug.ACCESSIBILITY).update(published=False)
    item = {item.key: item for item in checklist.items()}["barrierefreiheit"]
    assert not item.done
    assert item.missing == "Noch nicht veröffentlicht."
    assert item.action == "Angaben ausfüllen und veröffentlichen"


def test_the_steering_group_sees_no_checklist(client, steering_member, alliance):
    alliance.sender_email = ""  # the checklist is open
    alliance.save()
    client.force_login(steering_member)
    assert checklist.start_checklist(steering_member) is None
    content = client.get("/verwaltung/").content.decode()
    assert "Auf einen Blick" in content
    assert "Bis zur fertigen Website" not in content
