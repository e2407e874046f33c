import pytest

from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def _alliance(alliance):
    return alliance


@pytest.fixture
def plenary(db):
    """An upcoming plenary with public registration and childcare."""
    return EventFactory(
        title="Bündnistreffen im Herbst",
        slug="buendnistreffen-herbst",
        registration_open=True,
        capacity=20,
        childcare_offered=True,
    )
