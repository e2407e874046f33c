"""Helpers that keep `make test` fast: screenshots only on request
(tests/support/screenshots.py) and pages read as text (`pages_read_as_text`)."""

import pytest

from tests.support.screenshots import shot


class FakePage:
    def __init__(self):
        self.taken = []

    def screenshot(self, path, full_page):
        self.taken.append((path, full_page))


def test_no_screenshot_unless_a_folder_is_named(monkeypatch):
    monkeypatch.delenv("SCREENSHOT_DIR", raising=False)
    page = FakePage()
    shot(page, "partner-list-390")
    assert page.taken == []


def test_a_screenshot_goes_to_the_named_folder(monkeypatch, tmp_path):
    folder = tmp_path / "shots"
    monkeypatch.setenv("SCREENSHOT_DIR", str(folder))
    page = FakePage()
    shot(page, "partner-list-390", full_page=False)
    assert page.taken == [(f"{folder}/partner-list-390.png", False)]
    assert folder.is_dir()


@pytest.mark.django_db
def test_a_page_read_as_text_is_the_same_page_without_its_record(client, alliance, request):
    recorded = client.get("/impressum/")
    assert recorded.context is not None and recorded.templates

    request.getfixturevalue("pages_read_as_text")
    plain = client.get("/impressum/")
    assert plain.status_code == recorded.status_code == 200
    assert plain.context is None and plain.templates == []
    assert plain.content.decode().count("Impressum") == recorded.content.decode().count("Impressum") > 0
