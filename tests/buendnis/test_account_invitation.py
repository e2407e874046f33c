"""The invitation link of a new admin account: set the password, then a page that says in
her words what happened and what comes next."""

import re

import pytest
from django.contrib.auth.models import Group

from cockpit.alliances import invitation_link
from tests.support.accounts import staff_account

NEW_PASSWORD = "Familien brauchen Zeit 2026!"


def set_password(client, user):
    path = re.sub(r"^https?://[^/]+", "", invitation_link(user))
    form = client.get(path, follow=True)
    assert form.context["validlink"]
    data = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    return client.post(form.redirect_chain[-1][0], data, follow=True)


@pytest.mark.parametrize(
    ("role", "second_factor"), [("Koordination", True), ("Steuerungsgruppe", True), ("AG-Leitung", False)]
)
def test_after_the_password_the_page_says_what_comes_next(client, alliance, role, second_factor):
    user = staff_account("neu@example.org", "neu@example.org", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=role)[0])

    response = set_password(client, user)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/verwaltung/zugang/fertig/"
    assert "Ihr Passwort ist gespeichert" in page
    assert "zurücksetzen" not in page.lower() and "abgeschlossen" not in page
    assert f"<strong>neu@example.org</strong> zur Verwaltung von {alliance.display_name}" in page
    assert f"mit der Rolle {role}" in page
    assert ("zehn Ersatzcodes" in page) is second_factor
    assert ("Zwei-Faktor-Anmeldung ein" in page) is second_factor
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_the_page_alone_speaks_in_general(client, alliance):
    page = client.get("/verwaltung/zugang/fertig/").content.decode()
    assert "Ihr Zugang zur Verwaltung von" in page and "Zur Anmeldung" in page
