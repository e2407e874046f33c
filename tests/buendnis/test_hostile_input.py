"""Hostile input against every public form and link: no 5xx, nothing unescaped, nothing stored
that should not be. The forms and links are found by crawling the demo alliance, so a new
form is covered without a change here."""

import io
import re
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core import mail
from django.db import connection
from pypdf import PdfReader

from partners.documents import partner_certificate_file
from partners.links import management_path
from partners.models import Partner, Signature
from tests.support.hostile import (
    PAYLOADS,
    TOKEN_FORGERIES,
    assert_escaped,
    crawl,
    fill,
    hostile_files,
    image_field_names,
    token_url_patterns,
    upload,
)

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

# Counters and queues that may change with any request; everything else must not.
VOLATILE = {"buendnis.ratelimitcounter", "buendnis.contentversion", "sessions.session"}


def row_counts():
    """The rows of every table, of every alliance, in one query (one per table made this
    test's slowest part)."""
    models = [
        model for model in apps.get_models()
        if model._meta.label_lower not in VOLATILE and model._meta.managed
    ]
    quote = connection.ops.quote_name
    tables = ", ".join(f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})" for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {tables}")
        counts = cursor.fetchone()
    return {model._meta.label_lower: count for model, count in zip(models, counts, strict=True)}


def assert_mail_safe():
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject, message.subject
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                assert_escaped(content, f"HTML e-mail {message.subject!r}")


def check(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if response.get("Content-Type", "").startswith("text/html"):
        assert_escaped(response.content.decode(), where)


# The crawl of the demo alliance, kept per process for the tests of this file that find the
# same rows under the same ids (SQLite rolls its ids back with each test; on PostgreSQL they
# differ, and each test crawls for itself).
_crawled = {}


def rows_fingerprint():
    return tuple(
        (model._meta.label_lower, model._base_manager.count(), model._base_manager.order_by("-pk")
         .values_list("pk", flat=True).first())
        for model in apps.get_models()
        if model._meta.label_lower not in VOLATILE and model._meta.managed
    )


@pytest.fixture
def site(demo_data, client, settings):
    settings.RATELIMIT_ENABLED = False
    key = rows_fingerprint()
    if key not in _crawled:
        _crawled.clear()
        _crawled[key] = crawl(client, other_languages=40)
    pages, forms = _crawled[key]
    return dict(pages), list(forms)


def test_crawler_finds_every_public_form(site, settings):
    _pages, forms = site
    actions = {(form.action.split("?")[0], form.method) for form in forms}
    assert ("/buendniserklaerung/unterzeichnen/", "post") in actions
    assert ("/partner/verwalten/", "post") in actions
    assert ("/anregungen/", "post") in actions
    assert any(action.endswith("/anmelden/") and method == "post" for action, method in actions)
    assert ("/partner/", "get") in actions
    # The same forms in the other languages, reached through the language switch.
    for code in [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]:
        assert (f"/{code}/buendniserklaerung/unterzeichnen/", "post") in actions, code


def test_hostile_text_in_every_form_field(site, client):
    _pages, forms = site
    for form in forms:
        for name, payload in PAYLOADS.items():
            where = f"{form.method.upper()} {form.action} [{name}]"
            if form.method == "get":
                data = {item["name"]: payload for item in form.fields}
                check(client.get(form.action, data), where)
                continue
            # A hostile e-mail address makes every form invalid: nothing may be stored.
            before = row_counts()
            response = client.post(form.action, fill(form, payload, email=payload[:300]))
            check(response, where)
            assert row_counts() == before, f"{where}: stored despite an invalid address"
            # With a valid address the text may be stored, but must come back escaped.
            response = client.post(
                form.action, fill(form, payload, email=f"{name}.{len(mail.outbox)}@example.org")
            )
            check(response, where)
            if response.status_code in (301, 302, 303):
                check(client.get(response["Location"]), f"{where} → {response['Location']}")
    assert_mail_safe()


def test_hostile_partner_entry_is_escaped_everywhere_after_confirmation(demo_data, client, settings):
    settings.RATELIMIT_ENABLED = False
    _page, forms = crawl(client, start="/buendniserklaerung/unterzeichnen/", limit=1)
    sign = next(form for form in forms if form.action == "/buendniserklaerung/unterzeichnen/")
    names = ("script", "attribute", "sql", "unicode", "template")
    for name in names:
        data = fill(sign, PAYLOADS[name], email=f"{name}@example.org")
        data["name"] = f"Verein {PAYLOADS[name]}"[:200]
        assert client.post(sign.action, data).status_code == 302, name
    links = {
        link
        for message in mail.outbox
        for link in re.findall(r"http://testserver(/buendniserklaerung/bestaetigen/\S+/)", message.body)
    }
    assert len(links) == 5
    for link in links:
        check(client.get(link), link)
        check(client.post(link, follow=True), link)
        # Replayed: the used link is refused, nothing changes, no error.
        before = Signature.objects.filter(confirmed_at__isnull=False).count()
        check(client.post(link), f"{link} again")
        assert Signature.objects.filter(confirmed_at__isnull=False).count() == before
    hostile = Partner.objects.public().filter(contact_email__in=[f"{name}@example.org" for name in names])
    assert hostile.count() == 5
    pages, _forms = crawl(client, limit=200)
    for path, html in pages.items():
        assert_escaped(html, path)
    for partner in hostile:
        html = client.get(partner.get_absolute_url()).content.decode()
        assert_escaped(html, partner.get_absolute_url())
    # In the certificate (PDF) the name is text, not markup: it appears as typed.
    script_partner = hostile.get(contact_email="script@example.org")
    pdf = PdfReader(io.BytesIO(partner_certificate_file(script_partner).content))
    text = " ".join("".join(page.extract_text() for page in pdf.pages).split())
    assert 'alert("xss")' in text, text[:500]
    assert_mail_safe()


def test_hostile_query_strings_on_every_page(site, client):
    pages, _forms = site
    for path in pages:
        base = path.split("?")[0]
        for name in ("script", "attribute", "sql_or", "control", "unicode"):
            query = "&".join(
                f"{key}={quote(PAYLOADS[name])}" for key in ("q", "seite", "art", "handlungsfeld", "status")
            )
            check(client.get(f"{base}?{query}"), f"{base}?… [{name}]")


def test_forged_tokens_are_refused_without_error(demo_data, client, settings):
    settings.RATELIMIT_ENABLED = False
    patterns = token_url_patterns()
    assert any("bestaetigen" in pattern for pattern in patterns)
    for pattern in patterns:
        for token in TOKEN_FORGERIES:
            url = pattern.format(token=quote(token, safe=""))
            before = row_counts()
            for response in (client.get(url), client.post(url, {"number_of_people": "1"})):
                check(response, url)
            assert row_counts() == before, url


def test_hostile_files_are_refused_and_not_stored(site, client, settings):
    _pages, forms = site
    # The partner's own management page, reached through its personal link.
    partner = Partner.objects.active().exclude(contact_email="").first()
    _manage_pages, manage_forms = crawl(client, start=management_path(partner), limit=1)
    upload_forms = [
        form for form in forms + manage_forms if form.method == "post" and image_field_names(form)
    ]
    actions = {form.action for form in upload_forms}
    assert "/buendniserklaerung/unterzeichnen/" in actions
    assert any(action.startswith("/partner/verwalten/") for action in actions)
    changed_at = partner.updated_at
    logos = settings.MEDIA_ROOT / "logos"
    for form in upload_forms:
        for name, (filename, content, content_type) in hostile_files().items():
            files = {field: upload(filename, content, content_type) for field in image_field_names(form)}
            before = row_counts()
            existing = set(logos.rglob("*")) if logos.exists() else set()
            data = fill(form, "Hostile Upload GmbH", email=f"upload.{name}@example.org", files=files)
            response = client.post(form.action, data)
            check(response, f"{form.action} [{name}]")
            assert response.status_code == 200, f"{form.action} [{name}] accepted"
            assert row_counts() == before, f"{form.action} [{name}] stored something"
            now = set(logos.rglob("*")) if logos.exists() else set()
            assert now == existing, f"{form.action} [{name}] left a file"
    partner.refresh_from_db()
    assert partner.updated_at == changed_at


def test_overlong_path_segments_and_query_values_get_4xx(site, client):
    pages, _forms = site
    long_value = "ä" * 3000
    for path in pages:
        base = path.split("?")[0].rstrip("/")
        query = "&".join(f"{key}={quote(long_value)}" for key in ("q", "seite", "art", "handlungsfeld"))
        check(client.get(f"{base}/?{query}"), f"{base}/?… [lang]")
        response = client.get(f"{base}/{'x' * 2000}/")
        assert 400 <= response.status_code < 500, (base, response.status_code)
    for prefix in ("/media/", "/media/logos/", "/static/"):
        response = client.get(prefix + "y" * 5000)
        assert 400 <= response.status_code < 500, (prefix, response.status_code)
