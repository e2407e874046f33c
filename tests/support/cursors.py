"""Downloads streamed after the view has returned, mailings and other long runs must
not read their rows through a cursor that stays open between rows (`.iterator()`, on
PostgreSQL a server-side cursor). See `buendnis.lib.paging.in_chunks`."""

from contextlib import contextmanager
from unittest import mock

from django.db import connection


@contextmanager
def no_open_cursors():
    """Fails the test when a query is read through a cursor that stays open between rows."""
    refusal = AssertionError("a query read through .iterator(): its cursor stays open between rows")
    with mock.patch.object(connection, "chunked_cursor", side_effect=refusal):
        yield
