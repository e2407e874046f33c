"""`in_chunks`: every row of a long download, a chunk at a time, with no cursor left open."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from buendnis.lib.paging import in_chunks
from partners.models import Partner
from tests.factories import PartnerFactory
from tests.support.cursors import no_open_cursors

pytestmark = pytest.mark.usefixtures("alliance")


def test_every_row_in_the_querysets_order_across_chunks():
    for name in ("Cäcilienverein", "Adler", "Bäckerei", "Eltern-Kind-Zentrum", "Diakonie"):
        PartnerFactory(name=name)
    queryset = Partner.objects.active().with_partner_since().order_by("-name")
    with CaptureQueriesContext(connection) as queries, no_open_cursors():
        rows = list(in_chunks(queryset, 2))
    assert [row.name for row in rows] == [
        "Eltern-Kind-Zentrum", "Diakonie", "Cäcilienverein", "Bäckerei", "Adler",
    ]
    assert all(row.partner_since for row in rows)  # the annotation comes along
    assert len(queries) == 1 + 3  # the ids, then three chunks


def test_a_download_dropped_half_read_leaves_nothing_open():
    for number in range(5):
        PartnerFactory(name=f"Partner {number}")
    with no_open_cursors():
        rows = in_chunks(Partner.objects.order_by("name"), 2)
        assert next(rows).name == "Partner 0"
        # Another query on the same connection while the first download waits.
        assert Partner.objects.count() == 5
        rows.close()


def test_an_empty_queryset_gives_no_rows():
    assert list(in_chunks(Partner.objects.none(), 2)) == []
