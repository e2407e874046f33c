"""Screenshots of browser tests, for people to look at the pages: only when
SCREENSHOT_DIR names a folder (`SCREENSHOT_DIR=/tmp/shots make test`), none by default,
since nothing in a test reads them and each costs Chromium a full rendering."""

import os
from pathlib import Path


def shot(page, name, full_page=True):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=full_page)
