"""What every test needs: settings, the alliance, the personas, the browser.

Personas (who uses the portal, see DESIGN.md):

- `visitor`: an anonymous browser (Django's test client).
- `partner_link`: an active partner and its personal management link.
- `coordinator`, `steering_member`, `group_lead`: admin accounts with their role;
  `coordinator_client` is logged in as the coordinator.

Test data comes from `tests/factories.py`.
"""

import gc
import logging
import os
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow
# its ORM there (live_server tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/lib/chromium/chromium"
# The features Playwright (1.65) switches off itself. Chromium reads only the last
# --disable-features, so ours below repeats them (tests/portal/test_test_helpers.py checks
# that none is lost when Playwright changes its list).
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin", "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
    "PreconnectToSearch", "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion",
]
# Headless Chromium builds every new page's window with the address bar's pop-up, a page of
# its own (chrome://omnibox-popup.top-chrome/) in a further renderer process: a third of a
# second of CPU per test page here, for a pop-up nobody opens.
NO_OMNIBOX_POPUP = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + NO_OMNIBOX_POPUP),
]


def pytest_collection_modifyitems(config, items):
    """With several processes, pytest-xdist hands each an equal, contiguous share of the
    collection, and an idle one takes tests from the end of another's. So each share
    begins with its part of the long tests (tests/support/durations.json: the tests of 4
    seconds or more in a full run, longest first, each to the share with the least
    time so far), and the short tests come after them. The processes then end together
    instead of one walking every admin page alone at the end. A test missing from the
    file only counts as short; `python -m tests.support.durations` writes it anew."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers < 2:
        return
    from tests.support.durations import recorded

    seconds = recorded()
    long_ones = [item for item in items if item.nodeid in seconds]
    long_ones.sort(key=lambda item: -seconds[item.nodeid])
    rest = [item for item in items if item.nodeid not in seconds]
    shares, totals = [[] for _ in range(workers)], [0.0] * workers
    for item in long_ones:
        least = totals.index(min(totals))
        shares[least].append(item)
        totals[least] += seconds[item.nodeid]
    remaining = len(items)
    for number, share in enumerate(shares[:-1]):
        take = max(remaining // (workers - number) - len(share), 0)  # as xdist splits
        share.extend(rest[:take])
        del rest[:take]
        remaining -= len(share)
    shares[-1].extend(rest)
    items[:] = [item for share in shares for item in share]


@pytest.fixture(autouse=True, scope="session")
def _fewer_garbage_collections():
    """Django, the apps and the packages loaded before the first test are kept out of the
    garbage collector's sweeps (`gc.freeze`), and it sweeps less often: the suite creates
    millions of short-lived objects (templates, querysets), and with the default of a sweep
    every 700 objects it spent about a seventh of its CPU time in the collector."""
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, each test process starts from a copy of one migrated template
    (tests/support/template_db.py) instead of running every migration itself."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        from tests.support.template_db import copy_migrated_database

        copy_migrated_database(database["TEST"]["NAME"])


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """Keep (use) the copied template on SQLite; Django still runs `migrate`, which then
    finds nothing to do. Elsewhere as pytest-django decides (`--reuse-db`)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        return True
    return request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def _empty_static_root(tmp_path_factory):
    return tmp_path_factory.mktemp("static-root")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path, _empty_static_root):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "http://testserver"
    # Hashing a password the production way (PBKDF2, a million rounds) takes up to a second
    # here; the tests create and log in hundreds of accounts. What they check (the right
    # password, a changed password, a reset) holds for any hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Changes to alliances and domains reach the map of hosts through signals (the live
    # server runs in this process too); a test that changes them with update() calls
    # buendnis.hosts.forget() like the next refresh would.
    settings.TENANCY_REFRESH_SECONDS = 3600
    settings.SERVICE_DOMAIN = ""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Static files come from the apps' folders (the finders), never from a `collectstatic`
    # result: a `staticfiles/` left by `make run` or `make bench` changes nothing here. And
    # WhiteNoise indexes STATIC_ROOT whenever its middleware is made, which the test client
    # does for every test: 1,200 files took 130 ms each time (partners' and events' tests
    # ran a third faster without).
    settings.STATIC_ROOT = _empty_static_root


@pytest.fixture(autouse=True)
def _german_to_begin_with(settings):
    """Each test begins in German, as every request without a language prefix does. A
    request to /en/… activates English in the test's thread (Django's LocaleMiddleware
    leaves it active), and the next test's `reverse()` would otherwise come out as /en/…."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login(user)` (and so pytest-django's `admin_client`) means "completely
    logged in": it also marks the session as verified by the second factor, which the
    admin demands of superusers and Koordination. The two-factor flow itself is tested
    with real logins in tests/buendnis/test_two_factor.py."""
    from django.test import Client

    from buendnis.security import requires_second_factor
    from tests.support.otp import _force_login, mark_verified

    def force_login(self, user, backend=None):
        _force_login(self, user, backend)
        if requires_second_factor(user):
            mark_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def pages_read_as_text(monkeypatch):
    """For the tests that walk thousands of pages and read only their text (the door
    walk, the crawls): templates render as in operation, without the test runner's
    record of every template and a copy of its context for `response.context`, which is
    a tenth of such a walk. `response.context` is then None."""
    from django.template import Template
    from django.test.utils import _TestState

    monkeypatch.setattr(Template, "_render", _TestState.saved_data.template_render)


class ErrorRecords(logging.Handler):
    """Every record of level ERROR or above that the portal logs during a test."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def messages(self):
        return [record.getMessage() for record in self.records]


@pytest.fixture(autouse=True)
def _fail_on_logged_errors(request):
    """A test fails when the portal logs an exception or an error, unless it asks for
    `logged_errors` and so says that it expects (and checks) them."""
    handler = ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    request.node.logged_errors = handler
    yield
    root.removeHandler(handler)
    if handler.records and "logged_errors" not in request.fixturenames:
        pytest.fail(
            "Das Portal hat einen Fehler protokolliert / the portal logged an error:\n"
            + "\n".join(handler.format(record) for record in handler.records),
            pytrace=False,
        )


@pytest.fixture
def logged_errors(request):
    """The errors the portal logs in this test; asking for it allows them."""
    return request.node.logged_errors


# --- the alliance and its data ---------------------------------------------------------


@pytest.fixture(autouse=True)
def _alliance_scope(request):
    """A test with a database runs in the scope of the installation's alliance (the one
    `migrate` creates), like a request to it. Tests of several alliances activate the
    others themselves (`buendnis.tenancy.activate`)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or (
        "transactional_db" in request.fixturenames or "live_server" in request.fixturenames
    )
    if not (marker or "db" in request.fixturenames or transactional):
        yield None
        return
    request.getfixturevalue("transactional_db" if transactional else "db")
    from buendnis import hosts
    from buendnis.models import Alliance
    from buendnis.tenancy import activate

    alliance = Alliance.objects.order_by("pk").first() or Alliance.objects.create(
        name="Lokales Bündnis für Familie", slug="buendnis"
    )
    hosts.forget()  # rows of earlier tests are rolled back
    hosts.resolve("testserver")  # loaded now, not inside a test's count of queries
    with activate(alliance):
        yield alliance


@pytest.fixture
def database_tasks(settings):
    """Background tasks stored in the database, as in operation (arguments and results
    too), instead of run at once; `tests.support.tasks.run_background_tasks` runs them."""
    from tests.support.tasks import DATABASE_BACKEND

    settings.TASKS = DATABASE_BACKEND


@pytest.fixture
def alliance(db):
    """The demo alliance's profile, history and content pages."""
    from buendnis.models import Alliance
    from demo import alliance as demo

    demo.load_profile(open(os.devnull, "w"))
    return Alliance.current()


@pytest.fixture
def demo_data(db):
    """The complete demo alliance of every app, as `make run` loads it."""
    call_command("load_demo", "--no-admin", stdout=open(os.devnull, "w"))


@pytest.fixture
def declaration(db):
    """The current version of the declaration."""
    from tests.factories import current_declaration

    return current_declaration()


@pytest.fixture
def remembering(settings, alliance):
    """The per-process memory of `buendnis.fragments.remembered` switched on, as in
    operation; `new_version()` plays a change made in another worker."""
    from buendnis import fragments, pagecache

    settings.FRAGMENT_CACHE_SECONDS = 60
    settings.PAGE_CACHE_VERSION_CHECK = 3600
    fragments._remembered.clear()
    pagecache._memo.clear()
    yield settings
    fragments._remembered.clear()
    pagecache._memo.clear()


def new_version():
    """Another worker's change: the content version goes up and this worker looks again."""
    from buendnis import pagecache
    from buendnis.models import ContentVersion

    ContentVersion.objects.update_or_create(defaults={"version": 99})
    pagecache._memo.clear()


# --- personas ---------------------------------------------------------------------------


@pytest.fixture
def visitor(client, alliance):
    """Anyone on the internet: no account, no personal link."""
    return client


@dataclass
class PartnerLink:
    partner: object
    url: str  # the personal management page, a path


@pytest.fixture
def partner_link(alliance):
    """An active partner and the personal link its contact person got by e-mail."""
    from partners.links import management_path
    from tests.factories import PartnerFactory

    partner = PartnerFactory(name="Bäckerei Korn", contact_email="korn@example.org")
    return PartnerLink(partner, management_path(partner))


@pytest.fixture(autouse=True, scope="session")
def _role_groups_after_a_flush():
    """A transactional test (and every browser test) ends with a flush, which removes the
    role groups their migration made; the flush then sends post_migrate, as `migrate`
    does. Here that signal makes them again, so the next test on the same worker
    (pytest-xdist hands out the files in any order) finds them as a fresh database has
    them. After the last app's signal: every app's permissions exist by then."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    from cockpit.roles import grant_roles

    # post_migrate goes to the apps with models only.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]

    def restore_role_groups(sender, **kwargs):
        if sender is last_app:
            grant_roles(apps)

    post_migrate.connect(restore_role_groups, dispatch_uid="tests-role-groups-after-flush")
    yield
    post_migrate.disconnect(dispatch_uid="tests-role-groups-after-flush")


@pytest.fixture
def role_groups(db):
    """The role groups, as their migrations leave them. A browser test's flush removes them
    and `_role_groups_after_a_flush` makes them again; should a test still find them
    missing, they are made here."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from buendnis.roles import COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD
    from cockpit.roles import sync_groups

    roles = [COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD]
    if Group.objects.filter(name__in=roles, permissions__isnull=False).distinct().count() < len(roles):
        sync_groups(apps)


@pytest.fixture
def coordinator(role_groups, alliance):
    """The coordinator: the role Koordination, no superuser (the role must be enough)."""
    from buendnis.roles import COORDINATION
    from tests.factories import UserFactory

    return UserFactory(
        username="koordination", first_name="Maria", last_name="Beispiel", roles=[COORDINATION]
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def steering_member(role_groups, alliance):
    from buendnis.roles import STEERING_GROUP
    from tests.factories import UserFactory

    return UserFactory(username="steuerung", roles=[STEERING_GROUP])


@pytest.fixture
def group_lead(role_groups, alliance):
    """A working group's lead; `group_lead.led_group` is the group it leads."""
    from buendnis.roles import WORKING_GROUP_LEAD
    from tests.factories import UserFactory, WorkingGroupFactory

    user = UserFactory(username="ag-leitung", roles=[WORKING_GROUP_LEAD])
    user.led_group = WorkingGroupFactory(name="AG Eigene")
    user.led_group.leads.add(user)
    return user


# --- the browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium fehlt ({CHROMIUM}): sudo apt-get install chromium / Chromium is missing.",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # After Playwright's sync API starts, this thread runs in another context (contextvars)
    # and Django's `connections`, which are bound to the context, hand out new connection
    # objects. The ones made before would stay open, unused, until the process ends: on
    # PostgreSQL an idle session that keeps pytest-django from dropping the test database.
    connections.close_all()
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
    page.base_url = live_server.url
    page.foreign_requests = ForeignRequests()

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        # *.localhost is this machine too: the alliances of a test on their own hosts.
        if host not in {"127.0.0.1", "localhost"} and not host.endswith(".localhost"):
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


# --- events and documents -----------------------------------------------------------------


@pytest.fixture
def past_plenary(db):
    """The plenary of 12 March 2025, evening, in the town hall."""
    import datetime

    from django.utils import timezone

    from tests.factories import EventFactory

    starts = timezone.make_aware(datetime.datetime(2025, 3, 12, 18))
    return EventFactory(
        title="Bündnistreffen 2025",
        slug="buendnistreffen-2025",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2, minutes=30),
        venue="Bürgersaal im Rathaus",
        address="Marktplatz 1, 12345 Musterhausen",
    )


@pytest.fixture
def full_minutes(past_plenary, declaration):
    """Minutes as a coordinator writes them: present partners, agenda items with decisions
    and tasks, a suggestion collected at the event. `full_minutes(items=…, approved=…)`."""

    import datetime

    from django.utils import timezone

    from tests.factories import (
        AT_FOUNDING,
        AgendaItemFactory,
        MinutesFactory,
        PartnerFactory,
        SuggestionFactory,
        TaskFactory,
    )

    def make(*, items=3, approved=True, event=None, **fields):
        minutes = MinutesFactory(
            event=event or past_plenary,
            approved=approved,
            approved_at=timezone.make_aware(datetime.datetime(2025, 4, 2, 10)) if approved else None,
            number_of_guests=12,
            recorded_by="Maria Beispiel",
            summary="Das Plenum zieht Bilanz.",
            **fields,
        )
        minutes.partners_present.set(
            [
                PartnerFactory(name="Stadt Musterhausen", **AT_FOUNDING),
                PartnerFactory(name="Familienzentrum am Marktplatz", **AT_FOUNDING),
            ]
        )
        for number in range(1, items + 1):
            item = AgendaItemFactory(
                minutes=minutes,
                position=number,
                title=f"Tagesordnungspunkt Nummer {number}",
                discussion=f"Aussprache zu Punkt {number}.",
                decisions=f"Beschluss zu Punkt {number}: einstimmig angenommen.",
            )
            TaskFactory(
                agenda_item=item,
                description=f"Aufgabe aus Punkt {number}",
                responsible="Geschäftsstelle",
                due_on=datetime.date(2025, 5, 1),
            )
        SuggestionFactory(text="Mehr Ferienangebote für Jugendliche.", event=minutes.event)
        return minutes

    return make


FOUNDING_NAMES = [
    "Kita Regenbogen",
    "Autohaus Beispiel GmbH",
    "Förderverein der Grundschule",
    "Pflegedienst Lindenhof",
    "Evangelische Kirchengemeinde St. Marien",
]


@pytest.fixture
def founding_partners(declaration):
    """`founding_partners(count)`: organisations that signed at the founding event."""

    from partners.models import Partner
    from tests.factories import AT_FOUNDING, PartnerFactory

    made = []

    def make(count):
        start = len(made)
        made.extend(
            PartnerFactory(
                name=f"{FOUNDING_NAMES[i % 5]} {i + 1}",
                founding_partner=True,
                kind=Partner.Kind.ASSOCIATION,
                **AT_FOUNDING,
            )
            for i in range(start, start + count)
        )
        return made[start:]

    return make


# --- documents ----------------------------------------------------------------------------


@pytest.fixture
def weasyprint_calls(monkeypatch):
    """Counts how often WeasyPrint renders; rendering still happens."""
    from unittest import mock

    import weasyprint

    counting = mock.Mock(wraps=weasyprint.HTML)
    monkeypatch.setattr(weasyprint, "HTML", counting)
    return counting


@pytest.fixture
def fake_weasyprint(monkeypatch):
    """WeasyPrint plays no part in a query count; skip its work."""
    from unittest import mock

    import weasyprint

    html = mock.Mock()
    html.return_value.write_pdf.return_value = b"%PDF-1.7 fake"
    monkeypatch.setattr(weasyprint, "HTML", html)
