"""The cockpit's figures of the translations (issue 24): per language the alliance
offers, how much is translated, outdated, missing; the list of what is missing; only the
alliance's own content, only for those who see everything."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from buendnis import translations
from buendnis.models import Milestone, Page
from buendnis.tenancy import activate
from cockpit import translation_status
from tests.factories import (
    AllianceFactory,
    EasyReadPageFactory,
    FieldOfActionFactory,
    UserFactory,
)

PAGE = reverse("cockpit:translations")
DASHBOARD = reverse("cockpit:dashboard")


@pytest.fixture
def content(alliance):
    """The demo profile (one item) and three fields of action: one translated into
    English, one outdated, one untranslated."""
    alliance.languages = ["de", "en", "tr"]
    alliance.save()
    Page.objects.all().delete()
    Milestone.objects.all().delete()
    done = FieldOfActionFactory(name="Betreuung", summary="Kita", name_en="Childcare", summary_en="Nursery")
    translations.mark_translated(done, "en")
    done.save()
    old = FieldOfActionFactory(name="Pflege", summary="Angehörige", name_en="Care", summary_en="Relatives")
    translations.mark_translated(old, "en")
    old.summary = "Angehörige pflegen"
    old.save()
    EasyReadPageFactory(title="Das Bündnis", body="<p>Hallo</p>")  # Leichte Sprache: not counted
    return {"done": done, "old": old, "missing": FieldOfActionFactory(name="Zeit", summary="Zeitpolitik")}


def test_the_figures_per_offered_language(content):
    rows = {row["language"]: row for row in translation_status.overview()}
    assert set(rows) == {"en", "tr"}  # German is the source; Arabic and Ukrainian not offered
    # The profile and the three fields: in English one current, one outdated, two missing.
    assert {key: rows["en"][key] for key in ("total", "translated", "outdated", "missing", "percent")} == {
        "total": 4, "translated": 2, "outdated": 1, "missing": 2, "percent": 25,
    }
    assert (rows["tr"]["translated"], rows["tr"]["missing"]) == (0, 4)


def test_the_content_is_read_once_whatever_the_number_of_languages(content, alliance):
    """One query per kind of content for all languages: the dashboard shows the figures
    on every visit."""
    with CaptureQueriesContext(connection) as two:
        translation_status.overview()
    alliance.languages = ["de", "en", "tr", "ar", "uk"]
    alliance.save()
    with CaptureQueriesContext(connection) as four:
        rows = translation_status.overview()
    assert len(rows) == 4
    kinds = len(translation_status.contents(alliance))
    assert len(four.captured_queries) == len(two.captured_queries) <= kinds


def test_the_dashboard_shows_them_with_a_link_to_what_is_missing(coordinator_client, content):
    html = coordinator_client.get(DASHBOARD).content.decode()
    assert 'id="translation-en"' in html and "Englisch" in html and "25 %" in html
    assert f'href="{PAGE}?sprache=tr"' in html
    assert 'id="translation-ar"' not in html


def test_the_list_names_what_is_missing_and_outdated(coordinator_client, content):
    html = coordinator_client.get(PAGE, {"sprache": "en"}).content.decode()
    missing, outdated = html.split("Veraltet: der deutsche Text ist neuer")
    assert "Zeit" in missing and "Betreuung" not in missing
    assert reverse("admin:buendnis_fieldofaction_change", args=[content["missing"].pk]) in missing
    assert "Pflege" in outdated and "Zeit" not in outdated
    assert "Leichte Sprache" not in html


def test_a_language_the_alliance_does_not_offer_is_not_found(coordinator_client, content):
    assert coordinator_client.get(PAGE, {"sprache": "ar"}).status_code == 404
    assert coordinator_client.get(PAGE, {"sprache": "xx"}).status_code == 404


def test_only_those_who_see_everything_open_it(client, group_lead, content):
    client.force_login(group_lead)
    assert client.get(PAGE, {"sprache": "en"}).status_code == 403


def test_another_alliance_sees_only_its_own_content(client, content, role_groups):
    from buendnis.roles import COORDINATION

    nordheim = AllianceFactory(slug="nordheim", name="Bündnis Nordheim", languages=["de", "en"])
    with activate(nordheim):
        FieldOfActionFactory(name="Nordheimer Feld", summary="Nur hier")
        user = UserFactory(username="koordination@nordheim.example.org", roles=[COORDINATION])
    client.force_login(user)
    html = client.get(PAGE, {"sprache": "en"}, HTTP_HOST="nordheim.localhost").content.decode()
    assert "Nordheimer Feld" in html
    assert "Zeit" not in html and "Pflege" not in html
    # Musterhausen's field's id on Nordheim's admin: not found, never translated there.
    response = client.post(
        reverse("admin:buendnis_fieldofaction_changelist"),
        {"action": "translate_by_machine", "_selected_action": [content["missing"].pk]},
        HTTP_HOST="nordheim.localhost",
    )
    assert response.status_code in (200, 302)
    content["missing"].refresh_from_db()
    assert content["missing"].name_en is None
