"""The minutes' attendees: checkboxes with a search field, only active partners of the
alliance, ticked from the acceptances once the meeting has begun (issue 22)."""

import datetime
import re

import pytest
from django.urls import reverse

from buendnis.tenancy import activate
from tests.factories import EventFactory, InvitationFactory, MinutesFactory, PartnerFactory
from tests.support.admin_forms import change_form_data
from tests.support.otp import sign_in
from tests.support.screenshots import shot
from tests.support.two_alliances import second_alliance


def _change_url(minutes):
    return reverse("admin:events_minutes_change", args=[minutes.pk])


@pytest.fixture
def meeting():
    """A meeting three hours ago: two acceptances, one decline, partners in every state."""
    event = EventFactory(title="Bündnistreffen Herbst", starts_in=datetime.timedelta(hours=-3))
    accepted = [PartnerFactory(name="Stadtwerke Musterhausen"), PartnerFactory(name="Kita Sonnenschein")]
    for partner in accepted:
        InvitationFactory(event=event, partner=partner, reply="accepted", number_of_people=2)
    InvitationFactory(event=event, partner=PartnerFactory(name="Abgesagt GmbH"), reply="declined")
    PartnerFactory(name="Unbestätigt e. V.", pending=True)
    PartnerFactory(name="Ausgetreten AG", withdrawn=True)
    minutes = MinutesFactory(event=event, approved=False)
    return minutes, accepted


def _offered(html):
    return set(re.findall(r'name="partners_present" value="(\d+)"', html))


def _ticked(html):
    return set(re.findall(r'name="partners_present" value="(\d+)"[^>]*checked', html))


def test_only_active_partners_offered_and_the_accepted_ticked(coordinator_client, meeting):
    minutes, accepted = meeting

    html = coordinator_client.get(_change_url(minutes)).content.decode()

    names = re.findall(r'value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
    assert "Stadtwerke Musterhausen" in names and "Abgesagt GmbH" in names
    assert "Unbestätigt e. V." not in html and "Ausgetreten AG" not in html
    assert _ticked(html) == {str(partner.pk) for partner in accepted}
    assert "Vorausgefüllt mit den Partnern, die zugesagt haben." in html
    # Touch: a search field and checkboxes, no two-list widget and no Ctrl key.
    assert 'class="choice-filter-search"' in html and "/static/js/choice-filter.js" in html
    assert "Strg" not in html and "Control" not in html and "selectfilter" not in html.lower()
    assert "<script>" not in html and 'style="' not in html


def test_not_ticked_before_the_meeting_or_once_entered(coordinator_client, meeting):
    minutes, accepted = meeting
    event = minutes.event
    event.starts_at += datetime.timedelta(days=2)
    event.ends_at += datetime.timedelta(days=2)
    event.save()
    html = coordinator_client.get(_change_url(minutes)).content.decode()
    assert not _ticked(html) and "Vorausgefüllt" not in html

    event.starts_at -= datetime.timedelta(days=2)
    event.ends_at -= datetime.timedelta(days=2)
    event.save()
    minutes.partners_present.set([accepted[0]])
    html = coordinator_client.get(_change_url(minutes)).content.decode()
    assert _ticked(html) == {str(accepted[0].pk)}


def test_a_partner_entered_before_it_withdrew_stays_offered(coordinator_client, meeting):
    from partners import services

    minutes, accepted = meeting
    minutes.partners_present.set(accepted)
    services.withdraw(accepted[0])

    html = coordinator_client.get(_change_url(minutes)).content.decode()

    assert _ticked(html) == {str(partner.pk) for partner in accepted}


def test_refuses_unconfirmed_partners_and_another_alliances(coordinator_client, meeting):
    minutes, accepted = meeting
    pending = PartnerFactory(name="Noch nicht bestätigt", pending=True)
    other = second_alliance("anderswo")
    with activate(other):
        foreign = PartnerFactory(name="Fremder Partner")
    url = _change_url(minutes)

    for refused in (pending, foreign):
        data = change_form_data(
            coordinator_client.get(url), partners_present=[str(accepted[0].pk), str(refused.pk)]
        )
        response = coordinator_client.post(url, data)
        assert response.status_code == 200  # the form again, with the error
        assert "partners_present" in response.context["adminform"].form.errors
    assert not minutes.partners_present.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_picking_attendees_on_a_phone(page, coordinator, declaration, live_server):
    event = EventFactory(title="Bündnistreffen Herbst", starts_in=datetime.timedelta(hours=-3))
    stadtwerke = PartnerFactory(name="Stadtwerke Musterhausen")
    InvitationFactory(event=event, partner=stadtwerke, reply="accepted")
    for name in ("Kita Sonnenschein", "Kita Regenbogen", "Familienzentrum am Markt", "Autohaus Beispiel"):
        PartnerFactory(name=name)
    minutes = MinutesFactory(event=event, approved=False)
    sign_in(page, coordinator)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(_change_url(minutes))

    search = page.get_by_role("searchbox", name="Liste filtern")
    page.get_by_text("1 von 5 angekreuzt").wait_for()
    search.fill("kita")
    page.get_by_text("1 von 5 angekreuzt · 3 ausgeblendet").wait_for()
    assert not page.get_by_label("Stadtwerke Musterhausen").is_visible()
    page.get_by_text("Kita Regenbogen", exact=True).click()
    search.press("Enter")  # filters, does not send the form
    page.get_by_text("2 von 5 angekreuzt · 3 ausgeblendet").wait_for()
    box = page.get_by_label("Kita Regenbogen").bounding_box()
    assert box["height"] >= 20 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "meeting-attendees-390", full_page=False)
    page.get_by_role("button", name="Sichern", exact=True).click()
    page.get_by_text("erfolgreich geändert").wait_for()
    assert set(minutes.partners_present.values_list("name", flat=True)) == {
        "Stadtwerke Musterhausen", "Kita Regenbogen",
    }
