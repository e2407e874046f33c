"""Shared fixtures. App-specific fixtures live in tests/<app>/conftest.py."""

import os
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow
# its ORM there (live_server tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "http://testserver"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def alliance(db):
    """The demo alliance profile, history and content pages."""
    from buendnis import demo
    from buendnis.models import Alliance

    demo.load_profile(open(os.devnull, "w"))
    return Alliance.load()


@pytest.fixture
def remembering(settings, alliance):
    """The per-process memory of `buendnis.fragments.remembered` switched on, as
    in operation; `new_version()` plays a change made in another worker."""
    from buendnis import fragments, pagecache

    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 3600
    fragments._remembered.clear()
    pagecache._memo["version"] = None
    yield settings
    fragments._remembered.clear()
    pagecache._memo["version"] = None


def new_version():
    """Another worker's change: the content version goes up and this worker looks again."""
    from buendnis import pagecache
    from buendnis.models import ContentVersion

    ContentVersion.objects.update_or_create(pk=1, defaults={"version": 99})
    pagecache._memo["read_at"] -= 3601


@pytest.fixture
def demo_data(db):
    """The complete demo alliance of every app, as `make run` loads it."""
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium fehlt ({CHROMIUM}): sudo apt-get install chromium / Chromium is missing.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class ForeignRequests(list):
    """Every request the page made to a host other than the local test server."""


@pytest.fixture
def page(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(locale="de-DE", base_url=live_server.url)
    page = context.new_page()
    page.foreign_requests = ForeignRequests()

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in {"127.0.0.1", "localhost"}:
            page.foreign_requests.append(request.url)

    page.on("request", record)
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    def check(page):
        # Injected through page.evaluate, so the strict CSP does not block it.
        results = Axe().run(page)
        violations = results.response["violations"]
        assert not violations, f"{page.url}: {results.generate_report()}"

    return check
