"""The steering group's page: plan against actual, what waits, the yearly account."""

import pytest
from django.urls import reverse

from tests.support.responses import assert_admin_page, assert_login_required

URL = reverse("finances:overview")


def test_the_steering_group_sees_plan_against_actual(client, steering_member, year_2026):
    client.force_login(steering_member)
    response = client.get(URL, {"jahr": 2026})
    assert_admin_page(response)
    content = response.content.decode()
    assert 'id="income-total">3.150,50\u00a0€' in content
    assert 'id="spending-total">242,09\u00a0€' in content
    assert "Sachkosten" in content and "2.000,00\u00a0€" in content
    assert "Landkreis Musterhausen" in content
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="cockpit-chart"' in content
    assert reverse("finances:approve_entry", args=[year_2026["rent"].pk]) in content


def test_the_coordinator_sees_it_without_the_approve_button(coordinator_client, year_2026):
    response = coordinator_client.get(URL, {"jahr": "2026"})
    assert_admin_page(response)
    assert reverse("finances:approve_entry", args=[year_2026["rent"].pk]) not in response.content.decode()


def test_a_bad_year_shows_this_year(coordinator_client, year_2026):
    assert_admin_page(coordinator_client.get(URL, {"jahr": "zwanzig"}))


@pytest.mark.parametrize("who", ["group_lead", "anonymous"])
def test_others_do_not_see_the_finances(client, request, who, year_2026):
    if who == "anonymous":
        assert_login_required(client.get(URL))
        return
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


def test_the_dashboard_links_to_the_finances(coordinator_client):
    response = coordinator_client.get(reverse("admin:index"))
    assert URL in response.content.decode()
