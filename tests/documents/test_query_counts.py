"""Building a document costs the same number of queries for 5 or 500 rows."""

from unittest import mock

import pytest
import weasyprint
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import AgendaItem, Task


@pytest.fixture
def fake_weasyprint(monkeypatch):
    """WeasyPrint plays no part in the query count; skip its work."""
    html = mock.Mock()
    html.return_value.write_pdf.return_value = b"%PDF-1.7 fake"
    monkeypatch.setattr(weasyprint, "HTML", html)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_founding_certificate(client, alliance, founding_partners, fake_weasyprint):
    founding_partners(5)
    few = queries(client, "/gruendungsurkunde.pdf")
    founding_partners(495)

    assert queries(client, "/gruendungsurkunde.pdf") == few


def test_minutes(client, alliance, make_minutes, make_partner, fake_weasyprint):
    minutes = make_minutes(items=5)
    url = "/termine/buendnistreffen-2025/protokoll.pdf"
    few = queries(client, url)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(minutes=minutes, position=10 + number, title=f"Punkt {number}")
        for number in range(495)
    )
    Task.objects.bulk_create(Task(agenda_item=item, description="Erledigen") for item in items)
    minutes.partners_present.add(*[make_partner() for _ in range(50)])

    assert queries(client, url) == few
