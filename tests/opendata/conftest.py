import pytest


@pytest.fixture(autouse=True)
def _alliance(alliance, declaration):
    return alliance
