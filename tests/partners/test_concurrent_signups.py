"""A rush of sign-ups after a newspaper article: every one recorded exactly once."""

import re

import pytest
from django.core import mail

from partners.models import Partner, Signature
from tests.factories import DeclarationFactory
from tests.support.concurrent import run_concurrently

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """A rush from one address; the limits have their own tests."""
    settings.RATELIMIT_ENABLED = False


@pytest.fixture
def declaration(alliance):
    return DeclarationFactory(version="2024", text="<p>Wir machen mit.</p>", is_current=True)


def sign_data(number, email=None):
    return {
        "name": f"Kita Sonnenschein {number}",
        "kind": Partner.Kind.YOUTH_WELFARE,
        "town": "Musterhausen",
        "description": "Wir betreuen Kinder.",
        "contribution": "Wir öffnen früher.",
        "contact_name": f"Person {number}",
        "contact_email": email or f"kita{number}@example.org",
        "consent_declaration": "on",
        "wants_listing": "on",
        "privacy": "on",
        "homepage": "",
    }


def post_sign(data):
    return lambda client: client.post("/buendniserklaerung/unterzeichnen/", data)


def test_hundred_concurrent_signups_are_each_recorded_once(declaration):
    responses = run_concurrently([post_sign(sign_data(n)) for n in range(100)], threads=20)
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), statuses
    assert statuses.count(302) == 100, statuses
    assert Partner.objects.count() == 100
    assert Signature.objects.count() == 100
    emails = set(Partner.objects.values_list("contact_email", flat=True))
    assert emails == {f"kita{n}@example.org" for n in range(100)}
    assert len(set(Partner.objects.values_list("slug", flat=True))) == 100
    assert sorted(message.to[0] for message in mail.outbox) == sorted(emails)


def test_same_email_twenty_times_at_once_gives_one_partner(declaration):
    data = sign_data(1, email="doppelt@example.org")
    responses = run_concurrently([post_sign(data) for _ in range(20)], threads=20)
    assert all(response.status_code == 302 for response in responses), [
        response.status_code for response in responses
    ]
    assert Partner.objects.filter(contact_email="doppelt@example.org").count() == 1
    assert Signature.objects.count() == 1


def test_same_name_at_once_gets_distinct_addresses(declaration):
    responses = run_concurrently(
        [post_sign({**sign_data(n), "name": "Familienzentrum Mitte"}) for n in range(10)], threads=10
    )
    assert all(response.status_code == 302 for response in responses)
    slugs = list(Partner.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 10


def test_concurrent_confirmations_confirm_once(declaration, client):
    client.post("/buendniserklaerung/unterzeichnen/", sign_data(7))
    (link,) = re.findall(r"http://testserver(/buendniserklaerung/bestaetigen/[^\s]+/)", mail.outbox[0].body)
    mail.outbox.clear()
    responses = run_concurrently([lambda c: c.post(link) for _ in range(10)], threads=10)
    assert all(response.status_code < 500 for response in responses)
    signature = Signature.objects.get()
    assert signature.confirmed_at is not None
    assert Partner.objects.active().count() == 1
    welcome = [m for m in mail.outbox if m.to == ["kita7@example.org"]]
    assert len(welcome) == 1
