"""Descriptions written in the admin are sanitised on output."""

import pytest

from tests.factories import FieldOfActionFactory, ProjectFactory, WorkingGroupFactory

DIRTY = (
    '<p onclick="alert(1)" style="color:red">Wir <strong>treffen</strong> uns '
    '<a href="https://example.org/plan" onmouseover="alert(2)">hier</a>.</p>'
    '<script>alert(3)</script><img src=x onerror="alert(4)">'
    '<a href="javascript:alert(5)">Trick</a><iframe src="https://evil.example"></iframe>'
)


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


def assert_clean(content):
    body = content.split("<main", 1)[1]
    for forbidden in ("<script>alert", "onclick", "onmouseover", "onerror", "javascript:",
                      "style=", "<iframe", "<img"):
        assert forbidden not in body, forbidden
    # Formatting and safe links stay.
    assert "Wir <strong>treffen</strong> uns" in body
    assert '<a href="https://example.org/plan" rel="noopener noreferrer">hier</a>' in body


def test_field_description_is_sanitised(client):
    field = FieldOfActionFactory(description=DIRTY)
    assert_clean(client.get(field.get_absolute_url()).content.decode())


def test_group_description_is_sanitised(client):
    group = WorkingGroupFactory(description=DIRTY)
    assert_clean(client.get(group.get_absolute_url()).content.decode())


def test_project_description_is_sanitised(client):
    project = ProjectFactory(description=DIRTY)
    assert_clean(client.get(project.get_absolute_url()).content.decode())


def test_plain_text_gets_paragraphs_and_is_escaped(client):
    project = ProjectFactory(description="Erster Absatz & mehr.\n\nZweiter Absatz.")
    content = client.get(project.get_absolute_url()).content.decode()
    assert "<p>Erster Absatz &amp; mehr.</p>" in content
    assert "<p>Zweiter Absatz.</p>" in content


def test_mandate_and_summaries_are_plain_text(client):
    group = WorkingGroupFactory(
        mandate="<script>alert(1)</script>Auftrag",
        name="AG <b>fett</b>",
    )
    content = client.get(group.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Auftrag" in content
    assert "AG &lt;b&gt;fett&lt;/b&gt;" in content
