import pytest


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Load tests send hundreds of requests from one address; the limits have own tests."""
    settings.RATELIMIT_ENABLED = False
