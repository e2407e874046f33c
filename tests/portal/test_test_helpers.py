"""Helpers that keep `make test` fast: screenshots only on request
(tests/support/screenshots.py), pages read as text (`pages_read_as_text`) and Chromium
without the address bar's pop-up page (tests/conftest.py)."""

from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
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


def chromium_command_lines():
    """The arguments of every Chromium browser process (not its helpers) on this machine."""
    for proc in Path("/proc").iterdir():
        try:
            arguments = (proc / "cmdline").read_bytes().decode().split("\0")
        except (OSError, UnicodeDecodeError):
            continue
        if arguments[0] == CHROMIUM and not any(a.startswith("--type=") for a in arguments):
            yield arguments


@pytest.mark.browser
def test_chromium_keeps_playwrights_switched_off_features_and_has_no_omnibox_popup(page, live_server):
    """Chromium reads the last --disable-features only: ours must name all of Playwright's."""
    ours = {argument for argument in CHROMIUM_ARGS if argument.startswith("--disable-features=")}
    found = [arguments for arguments in chromium_command_lines() if ours <= set(arguments)]
    assert found, "no Chromium runs with the test suite's arguments"
    for arguments in found:
        lists = [a.split("=", 1)[1].split(",") for a in arguments if a.startswith("--disable-features=")]
        assert set(lists[0]) <= set(lists[-1]), "Playwright switches off more than CHROMIUM_ARGS repeats"
    page.goto("/impressum/")
    session = page.context.browser.new_browser_cdp_session()
    pages = [target["url"] for target in session.send("Target.getTargets")["targetInfos"]]
    assert not [url for url in pages if url.startswith("chrome://omnibox")], pages
