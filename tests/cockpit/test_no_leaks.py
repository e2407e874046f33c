"""Three alliances on one installation, with the same slugs and many of the same names.

For each alliance, everything its visitors and its coordinator can reach is crawled:
every public page it links, its calendar files and PDFs, its personal links, its
e-mails, every admin list and form and export. Nothing of the other two may appear:
no name, no address, no id of their rows; and their rows' admin URLs answer 404.
"""

import datetime
import re
from collections import deque

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from buendnis.models import Alliance
from buendnis.roles import COORDINATION
from buendnis.tenancy import activate
from cockpit import mailings
from events import services as event_services
from partners import links
from tests.factories import (
    AgendaItemFactory,
    AllianceFactory,
    EventFactory,
    FieldOfActionFactory,
    InvitationFactory,
    MailingFactory,
    MinutesFactory,
    PageFactory,
    PartnerFactory,
    ProjectFactory,
    RegistrationFactory,
    SuggestionFactory,
    TaskFactory,
    UserFactory,
    WorkingGroupFactory,
    current_declaration,
)
from tests.partners.conftest import sign_data
from tests.support.pdfs import pdf_text
from tests.support.responses import streamed_body

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

MARKERS = {"alpha": "Alphadorf", "beta": "Betastadt", "gamma": "Gammaheim"}
ADMIN_SKIP = ("logout", "/delete/", "zwei-faktor", "password", "/history/", "/autocomplete/")
HREF = re.compile(r'href="(/[^"#]*)"')
OPEN_DATA = [
    "/api/v1/partners", "/api/v1/partners/stadtwerke", "/api/v1/fields", "/api/v1/groups",
    "/api/v1/projects", "/api/v1/events", "/api/v1/events?zeitraum=vergangen", "/sitemap.xml",
    "/sitemap-partner.xml", "/sitemap-termine.xml", "/open-data/partner.json", "/open-data/projekte.csv",
    "/open-data/termine.json", "/einbetten/partner/", "/einbetten/termine/",
]
ADMIN_OBJECT = re.compile(r"/verwaltung/(\w+)/(\w+)/(\d+)/")


def build(slug, marker):
    """An alliance whose every text names `marker`; the same slugs as the others."""
    alliance = AllianceFactory(
        slug=slug, name=f"Bündnis für Familie {marker}", domain=f"{slug}.localhost",
        coordinator_email=f"koordination@{slug}.example.org",
    )
    with activate(alliance):
        PageFactory(slug="impressum", title="Impressum", body=f"<p>Anbieter in {marker}</p>")
        PageFactory(slug="datenschutz", title="Datenschutz", body=f"<p>Verantwortlich in {marker}</p>")
        current_declaration()
        field = FieldOfActionFactory(slug="beruf", name=f"Beruf und Familie in {marker}")
        group = WorkingGroupFactory(slug="ag-beruf", name=f"AG Beruf {marker}", field_of_action=field)
        stadtwerke = PartnerFactory(
            slug="stadtwerke", name="Stadtwerke", description=f"Der Versorger von {marker}",
            contact_name=f"Erika {marker}", contact_email=f"erika@{slug}.example.org",
            founding_partner=True,
        )
        kita = PartnerFactory(
            slug="kita", name=f"Kita {marker}", contact_email=f"kita@{slug}.example.org",
            founding_partner=True,
        )
        group.members.set([stadtwerke, kita])
        ProjectFactory(slug="ferien", title=f"Ferien in {marker}", working_group=group, partners=[kita])
        upcoming = EventFactory(
            slug="plenum", title=f"Plenum {marker}", registration_open=True, working_group=group,
            address=f"Rathaus, {marker}",
        )
        founding = EventFactory(
            slug="gruendung", title=f"Gründung {marker}", starts_in=-datetime.timedelta(days=30)
        )
        minutes = MinutesFactory(event=founding)
        minutes.partners_present.set([stadtwerke, kita])
        item = AgendaItemFactory(minutes=minutes, title=f"Bericht aus {marker}")
        TaskFactory(agenda_item=item, description=f"Flyer für {marker}")
        SuggestionFactory(text=f"Ein Spielplatz für {marker}", public_answer=f"Kommt nach {marker}",
                          name=f"Bürger {marker}", email=f"buerger@{slug}.example.org")
        RegistrationFactory(event=upcoming, name=f"Gast {marker}", email=f"gast@{slug}.example.org")
        InvitationFactory(event=upcoming, partner=stadtwerke)
        mailing = MailingFactory(subject=f"Rundmail {marker}", body=f"Neues aus {marker}")
        mailings.send(mailing)
        coordinator = UserFactory(username=f"koordination-{slug}", roles=[COORDINATION])
    return alliance, coordinator


@pytest.fixture
def three(role_groups, settings):
    built = {slug: build(slug, marker) for slug, marker in MARKERS.items()}
    # The test's own (first) alliance has no domain: with four alliances it is not
    # reachable, and takes no part.
    return built


def foreign_traces(own):
    """What must never appear on `own`'s pages: the other alliances' markers and addresses."""
    traces = []
    for slug, marker in MARKERS.items():
        if slug != own:
            traces += [marker, f"@{slug}.example.org", f"{slug}.localhost"]
    return traces


def text_of(response):
    kind = response.get("Content-Type", "")
    if kind.startswith("application/pdf"):
        return pdf_text(response.content)
    if response.streaming:
        return streamed_body(response).decode(errors="replace")
    return response.content.decode(errors="replace")


def crawl(client, host, start, *, admin=False, limit=400):
    """Every page reachable from `start` by links on the same host: {path: text}."""
    seen, found = set(), {}
    queue = deque(start)
    while queue and len(found) < limit:
        path = queue.popleft()
        if path in seen or path.startswith(("/static/", "/media/")):
            continue
        seen.add(path)
        if admin and any(part in path for part in ADMIN_SKIP):
            continue
        if not admin and path.startswith("/verwaltung/"):
            continue
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code < 500, (host, path, response.status_code)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        text = text_of(response)
        found[path] = text
        if "html" in response.get("Content-Type", ""):
            queue.extend(HREF.findall(text))
    return found


def assert_clean(pages, own):
    for path, text in pages.items():
        for trace in foreign_traces(own):
            assert trace not in text, f"{own}: {path} zeigt „{trace}“"


def own_ids(alliance):
    """{(app, model): ids} of the alliance's rows, for the admin URLs in its pages."""
    from cockpit.backups import owned_models

    direct, _indirect = owned_models()
    ids = {("buendnis", "alliance"): {alliance.pk}}
    for model in direct:
        rows = model._base_manager.filter(alliance=alliance).values_list("pk", flat=True)
        ids[(model._meta.app_label, model._meta.model_name)] = set(rows)
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("slug", list(MARKERS))
def test_no_alliance_sees_anything_of_another(client, three, slug):
    """One alliance's crawl a test, so that the three run side by side."""
    alliance, coordinator = three[slug]
    host = f"{slug}.localhost"

    # Public pages, calendar files, PDFs; the open data (feeds come by the pages' links).
    public = crawl(client, host, ["/", "/termine/kalender.ics", "/gruendungsurkunde.pdf",
                                  "/termine/gruendung/protokoll.pdf", "/termine/plenum.ics",
                                  "/partner/?q=Stadtwerke", "/projekte/?q=Ferien", *OPEN_DATA])
    assert "/termine/feed.atom" in public
    assert '"slug": "stadtwerke"' in public["/api/v1/partners/stadtwerke"]
    assert MARKERS[slug] in public["/"]
    assert len(public) > 15
    assert_clean(public, slug)

    # Personal links: the partner's management page, its data, its certificate.
    with activate(alliance):
        from partners.models import Partner

        stadtwerke = Partner.objects.get(slug="stadtwerke")
        manage = links.management_path(stadtwerke)
        invitation = stadtwerke.invitations.get()
    personal = crawl(client, host, [manage, manage + "daten.json", manage + "urkunde.pdf",
                                    f"/termine/einladung/{invitation.token}/"])
    assert personal[manage + "daten.json"].count(f"erika@{slug}.example.org") >= 1
    assert_clean(personal, slug)

    # The admin, as the alliance's coordinator: every list, form and export.
    client.force_login(coordinator)
    admin_pages = crawl(client, host, ["/verwaltung/", "/verwaltung/exporte/partner.csv"], admin=True)
    assert len(admin_pages) > 40
    assert_clean(admin_pages, slug)
    ids = own_ids(alliance)
    for path, text in admin_pages.items():
        for app, model, pk in ADMIN_OBJECT.findall(text):
            if (app, model) in ids:
                assert int(pk) in ids[(app, model)], f"{slug}: {path} verlinkt {app}.{model} {pk}"

    # The other alliances' rows by typed-in admin URL: not found.
    for other_slug, (other, _coordinator) in three.items():
        if other_slug == slug:
            continue
        for (app, model), pks in own_ids(other).items():
            for pk in list(pks)[:2]:
                for view in ("change", "history", "delete"):
                    url = f"/verwaltung/{app}/{model}/{pk}/{view}/"
                    response = client.get(url, HTTP_HOST=host)
                    assert response.status_code in (403, 404), (slug, url, response.status_code)
    client.logout()


@pytest.mark.django_db
def test_the_emails_of_each_alliance_name_only_that_alliance(client, three):
    for slug, (alliance, _coordinator) in three.items():
        host = f"{slug}.localhost"
        mail.outbox.clear()
        responses = [
            client.post(
                "/buendniserklaerung/unterzeichnen/", sign_data(name=f"Neu in {slug}"), HTTP_HOST=host
            ),
            client.post("/anregungen/", {"text": "Mehr Bänke", "homepage": ""}, HTTP_HOST=host),
            client.post("/termine/plenum/anmelden/", {
                "name": "Familie Neu", "email": f"neu@{slug}.example.org", "number_of_people": 2,
                "privacy": "on", "homepage": "",
            }, HTTP_HOST=host),
        ]
        assert [response.status_code for response in responses] == [302, 302, 302]
        with activate(alliance):
            from events.models import Event

            event_services.send_invitations(Event.objects.get(slug="plenum"))
            mailing = MailingFactory(subject="Zweite Rundmail", body="Text")
            mailings.send(mailing)
        assert len(mail.outbox) >= 5, [message.subject for message in mail.outbox]
        for message in mail.outbox:
            text = " ".join([message.subject, message.body, message.from_email, *message.reply_to])
            for trace in foreign_traces(slug):
                assert trace not in text, f"{slug}: „{message.subject}“ nennt „{trace}“"
            assert f"http://{slug}.localhost/" in message.body or "verwaltung" not in message.body


@pytest.mark.django_db
def test_a_coordinator_logs_in_only_at_the_own_alliance(client, three):
    _alpha, alpha_coordinator = three["alpha"]
    for host, allowed in (("alpha.localhost", True), ("beta.localhost", False)):
        client.logout()
        response = client.post(
            "/verwaltung/login/?next=/verwaltung/",
            {"username": alpha_coordinator.username, "password": "ein-langes-passwort-123"},
            HTTP_HOST=host,
        )
        logged_in = response.status_code == 302
        assert logged_in is allowed, host
    # A session does not cross domains (host-only cookie); and were it sent along, the
    # admin of another alliance would refuse it.
    client.force_login(alpha_coordinator)
    response = client.get("/verwaltung/", HTTP_HOST="beta.localhost")
    assert response.status_code == 302 and "/verwaltung/login/" in response["Location"]


@pytest.mark.django_db
def test_the_admin_lists_are_per_alliance(client, three):
    alpha, alpha_coordinator = three["alpha"]
    client.force_login(alpha_coordinator)
    page = client.get(reverse("admin:partners_partner_changelist"), HTTP_HOST="alpha.localhost")
    content = page.content.decode()
    assert content.count(">Stadtwerke<") == 1
    assert "Kita Alphadorf" in content and "Kita Betastadt" not in content
    with activate(Alliance.objects.get(slug="beta")):
        from partners.models import Partner

        beta_partner = Partner.objects.get(slug="stadtwerke")
    assert beta_partner.pk not in {int(pk) for pk in re.findall(r"/partners/partner/(\d+)/change/", content)}
    assert timezone.now()  # the lists were read now, not from a cache
