import pytest
from django.core import mail

from buendnis.models import Alliance
from events.models import Suggestion
from tests.factories import FieldOfActionFactory, WorkingGroupFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


@pytest.fixture
def field(db):
    return FieldOfActionFactory(name="Vereinbarkeit von Beruf und Pflege", slug="pflege")


@pytest.fixture
def group(field):
    return WorkingGroupFactory(
        name="AG Beruf und Pflege", slug="ag-pflege", field_of_action=field, mandate="Helfen."
    )


def post(client, **data):
    return client.post("/anregungen/", {"text": "Mehr Kita-Plätze am Stadtrand, bitte!", **data})


def test_form_shows_fields_and_privacy_notice(client, field):
    response = client.get("/anregungen/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Wünsche und Anregungen</h1>" in content
    for label in ("Ihr Wunsch oder Ihre Anregung", "Thema (optional)", "Ihr Name (optional)",
                  "Ihre E-Mail-Adresse (optional, für eine Antwort)"):
        assert label in content
    assert field.name in content
    assert "Datenschutz: Name und E-Mail-Adresse sind freiwillig." in content
    assert 'href="/datenschutz/"' in content
    assert 'class="hp-field" aria-hidden="true"' in content


def test_anonymous_suggestion_is_stored_and_mailed_to_the_coordinator(client):
    response = post(client)

    assert response.status_code == 302
    assert response["Location"] == "/anregungen/"
    suggestion = Suggestion.objects.get()
    assert suggestion.text == "Mehr Kita-Plätze am Stadtrand, bitte!"
    assert suggestion.status == Suggestion.Status.NEW
    assert (suggestion.name, suggestion.email, suggestion.field_of_action) == ("", "", None)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["koordination@buendnis-musterhausen.example.org"]
    assert message.subject == "Neue Anregung"
    assert "Mehr Kita-Plätze am Stadtrand, bitte!" in message.body
    assert "ohne Namen" in message.body
    assert f"http://testserver/verwaltung/events/suggestion/{suggestion.pk}/change/" in message.body
    assert message.reply_to == []
    followed = client.get(response["Location"]).content.decode()
    assert "Vielen Dank! Ihre Anregung ist bei uns angekommen." in followed


def test_suggestion_with_topic_name_and_email(client, field):
    post(client, field_of_action=field.pk, name="Jana Muster", email="jana@example.org")

    suggestion = Suggestion.objects.get()
    assert suggestion.field_of_action == field
    assert (suggestion.name, suggestion.email) == ("Jana Muster", "jana@example.org")
    message = mail.outbox[0]
    assert message.subject == "Neue Anregung zu „Vereinbarkeit von Beruf und Pflege“"
    assert "Jana Muster" in message.body
    assert message.reply_to == ["jana@example.org"]


def test_mail_goes_to_the_alliance_address_without_coordinator_address(client):
    alliance = Alliance.current()
    alliance.coordinator_email = ""
    alliance.save()
    post(client)
    assert mail.outbox[0].to == ["info@buendnis-musterhausen.example.org"]


def test_contact_link_of_a_working_group_preselects_it(client, group):
    response = client.get(f"/anregungen/?arbeitsgruppe={group.slug}")
    content = response.content.decode()
    assert "wird an die Arbeitsgruppe „AG Beruf und Pflege“ weitergegeben" in content
    assert f'type="hidden" name="working_group" value="{group.slug}"' in content

    post(client, working_group=group.slug)

    suggestion = Suggestion.objects.get()
    assert suggestion.working_group == group
    assert suggestion.field_of_action == group.field_of_action
    assert "für die Arbeitsgruppe „AG Beruf und Pflege“" in mail.outbox[0].body


def test_unknown_or_unpublished_group_in_link_is_ignored(client, group):
    group.published = False
    group.save()
    content = client.get(f"/anregungen/?arbeitsgruppe={group.slug}").content.decode()
    assert "an die Arbeitsgruppe" not in content
    assert group.slug not in content
    assert client.get("/anregungen/?arbeitsgruppe=gibt-es-nicht").status_code == 200


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": ""}, "Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung."),
        ({"text": "   "}, "Bitte schreiben Sie Ihren Wunsch oder Ihre Anregung."),
        ({"text": "x" * 5001}, "höchstens 5000 Zeichen"),
        ({"email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse an."),
        ({"homepage": "http://spam.example"}, "sieht nach automatisch erzeugtem Spam aus"),
        ({"working_group": "gibt-es-nicht"}, "Diese Arbeitsgruppe gibt es nicht (mehr)."),
        ({"field_of_action": "999"}, "Bitte eine gültige Auswahl treffen."),
    ],
)
def test_bad_input_is_refused_with_a_german_message(client, data, message):
    response = post(client, **data)

    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "Bitte prüfen Sie Ihre Eingaben." in content
    assert Suggestion.objects.count() == 0
    assert mail.outbox == []


def test_text_of_exactly_5000_characters_is_accepted(client):
    post(client, text="x" * 5000)
    assert Suggestion.objects.count() == 1


def test_too_many_suggestions_from_one_address_are_refused(client, settings):
    settings.RATELIMIT_PER_HOUR = 3
    for _ in range(3):
        assert post(client).status_code == 302

    response = post(client)

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert Suggestion.objects.count() == 3
    assert len(mail.outbox) == 3
    # Reading the page still works.
    assert client.get("/anregungen/").status_code == 200


def test_get_never_stores_anything(client):
    client.get("/anregungen/?text=Hallo")
    assert Suggestion.objects.count() == 0


def test_suggestion_is_stored_even_without_any_coordinator_address(client):
    alliance = Alliance.current()
    alliance.coordinator_email = ""
    alliance.email = ""
    alliance.save()

    assert post(client).status_code == 302

    assert Suggestion.objects.count() == 1
    assert mail.outbox == []
