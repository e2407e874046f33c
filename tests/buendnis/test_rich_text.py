"""Free text in the admin is edited with the rich-text editor and cleaned with nh3
before it is stored, never typed as raw HTML."""

import pytest
from django.contrib import admin
from django.urls import reverse

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.lib.richtext import RichTextField, RichTextWidget
from buendnis.models import Alliance, FieldOfAction, Milestone, Page
from events.models import Event
from partners.models import Declaration

HOSTILE = (
    '<p onclick="alert(1)" style="color:red">Hallo <a href="javascript:alert(2)">x</a> '
    '<a href="https://example.org">Link</a></p><script>alert(3)</script><img src=x onerror=alert(4)>'
)
CLEAN = (
    '<p>Hallo <a rel="noopener noreferrer">x</a> '
    '<a href="https://example.org" rel="noopener noreferrer">Link</a></p>'
)

FREE_TEXTS = [
    (Alliance, ["introduction", "what_is_a_local_alliance", "how_we_work", "coordination_text",
                "steering_group_text", "office_text", "working_groups_text", "founding_text"]),
    (Page, ["body"]),
    (Milestone, ["text"]),
    (FieldOfAction, ["description"]),
    (WorkingGroup, ["description"]),
    (Project, ["description"]),
    (Event, ["description"]),
    (Declaration, ["text"]),
]


@pytest.mark.parametrize("model, fields", FREE_TEXTS, ids=[model.__name__ for model, _ in FREE_TEXTS])
def test_every_free_text_of_the_admin_has_the_editor_and_is_cleaned(rf, coordinator, model, fields):
    request = rf.get("/verwaltung/")
    request.user = coordinator
    model_admin = admin.site._registry[model]
    form = model_admin.get_form(request, None, fields=fields)
    for name in fields:
        field = form.base_fields[name]
        assert isinstance(field, RichTextField), name
        assert isinstance(field.widget, RichTextWidget), name
        assert 'data-richtext=""' in field.widget.render(name, "<p>x</p>")
        assert field.clean(HOSTILE) == CLEAN


def test_plain_lists_stay_plain_text(rf, coordinator):
    request = rf.get("/verwaltung/")
    request.user = coordinator
    form = admin.site._registry[Alliance].get_form(request, None, fields=["goals", "embed_hosts"])
    for name in ("goals", "embed_hosts"):  # one entry per line
        assert not isinstance(form.base_fields[name], RichTextField)


def test_an_editor_left_empty_stores_nothing(rf, coordinator):
    field = RichTextField(required=False)
    assert field.clean("<p></p><p><br></p>") == ""
    assert RichTextField(required=True).widget.use_required_attribute(None) is False


def test_a_page_saved_in_the_admin_is_stored_cleaned(coordinator_client, alliance):
    page = Page.objects.get(slug=Page.Slug.ABOUT)
    response = coordinator_client.post(
        reverse("admin:buendnis_page_change", args=[page.pk]),
        {"title": "Mitmachen", "body": HOSTILE, "published": "on"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body == CLEAN


def test_the_change_form_loads_the_editor_from_static_files(coordinator_client, alliance):
    page = Page.objects.get(slug=Page.Slug.ABOUT)
    content = coordinator_client.get(reverse("admin:buendnis_page_change", args=[page.pk])).content.decode()
    assert '<script src="/static/js/richtext.js" type="module"></script>' in content
    assert 'href="/static/django_prose_editor/editor.css"' in content
    assert 'href="/static/css/prosemirror.css"' in content
    assert "importmap" not in content  # an inline script the CSP would refuse
    assert "<style" not in content
