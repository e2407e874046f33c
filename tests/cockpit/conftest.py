"""Fixtures of the cockpit tests: a small alliance with known numbers."""

import pytest

from tests.factories import DeclarationFactory, FieldOfActionFactory


@pytest.fixture
def declaration(db):
    return DeclarationFactory(version="2017", text="<p>Wir machen mit.</p>", is_current=True)


@pytest.fixture
def field(db):
    return FieldOfActionFactory(name="Familie und Beruf", slug="familie-und-beruf")
