"""Suggestions with a public answer are listed on /anregungen/, without name or e-mail."""

import pytest

from events.models import Suggestion
from events.views import ANSWERS_PER_PAGE
from tests.factories import FieldOfActionFactory, SuggestionFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def test_lists_answered_suggestions_without_personal_data(client):
    field = FieldOfActionFactory(name="Kindertagesbetreuung", slug="kita")
    SuggestionFactory(
        text="Ferienbetreuung auch im Herbst?", name="Jana Muster", email="jana@example.org",
        field_of_action=field, status=Suggestion.Status.DONE,
        public_answer="Ja, <strong>ab 2023</strong>.<script>alert(1)</script>",
    )
    SuggestionFactory(text="Noch unbeantwortet", status=Suggestion.Status.IN_PROGRESS)

    content = client.get("/anregungen/").content.decode()

    assert "Ferienbetreuung auch im Herbst?" in content
    assert "Ja, <strong>ab 2023</strong>." in content
    assert "<script>alert(1)" not in content
    assert "Kindertagesbetreuung" in content
    assert "umgesetzt" in content
    assert "Noch unbeantwortet" not in content
    assert "Jana Muster" not in content
    assert "jana@example.org" not in content


def test_without_answers_says_so(client):
    SuggestionFactory(text="Neu und unbeantwortet")
    content = client.get("/anregungen/").content.decode()
    assert "Noch keine veröffentlichten Antworten." in content
    assert "Neu und unbeantwortet" not in content


def test_answers_are_paginated(client):
    for number in range(ANSWERS_PER_PAGE + 2):
        SuggestionFactory(text=f"Anregung {number:02}", public_answer="Danke!")

    first = client.get("/anregungen/").content.decode()
    second = client.get("/anregungen/?seite=2").content.decode()

    assert first.count("Danke!") == ANSWERS_PER_PAGE
    assert second.count("Danke!") == 2
    assert "?seite=2" in first


def test_query_count_does_not_grow_with_answers(client, django_assert_max_num_queries):
    field = FieldOfActionFactory(name="Kita", slug="kita")
    for number in range(ANSWERS_PER_PAGE):
        SuggestionFactory(text=f"A{number}", public_answer="Danke!", field_of_action=field)
    with django_assert_max_num_queries(6):
        response = client.get("/anregungen/")
    assert response.content.decode().count("Danke!") == ANSWERS_PER_PAGE
