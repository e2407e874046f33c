"""A rush of registrations for a popular event: nobody gets a place that is not there."""

import pytest
from django.core import mail

from events.models import Event, Registration
from tests.factories import EventFactory
from tests.support.concurrent import run_concurrently

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """A rush from one address; the limits have their own tests."""
    settings.RATELIMIT_ENABLED = False


def test_fifty_registrations_for_thirty_places(alliance):
    event = EventFactory(
        title="Familienfest", kind=Event.Kind.PUBLIC, registration_open=True, capacity=30
    )

    def register(number):
        data = {"name": f"Gast {number}", "email": f"gast{number}@example.org",
                "number_of_people": "1", "privacy": "on", "homepage": ""}
        return lambda client: client.post(f"/termine/{event.slug}/anmelden/", data)

    responses = run_concurrently([register(n) for n in range(50)], threads=25)
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), statuses
    assert statuses.count(302) == 30, statuses
    assert Registration.objects.filter(event=event, cancelled_at__isnull=True).count() == 30
    assert len(mail.outbox) == 30
