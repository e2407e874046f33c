"""Pages of the public lists at national scale (issue 8).

Every list is paged by `paginate()`. For the long public lists it first finds the ids
of a page and then loads only its rows by primary key, so the database never reads
whole rows it does not show:

- `rows=`: a late page of a list (`?seite=480` of 13,000 partners) skipped
  thousands of whole rows to find 24 (28 ms on PostgreSQL). Its ids now come from
  the narrow entries of a covering index.
- `search="ids"`: a search for a common word matches thousands of rows, which a
  trigram index finds but must read one by one (`LIKE '%…%'`). Counting them and
  then fetching a page would read every match twice; instead the ids of the matches
  are read once, in order, and counted and paged in Python (1,500 partners for
  "familien"). The project search does not use it: sorting its thousands of ids
  costs more than its count and page; it counts with `capped_count()` (`search="count"`).
"""

from django.core.paginator import EmptyPage, Paginator


def paginate(queryset, per_page, number, *, rows=None, count=None, search=None, strict=False):
    """Page `number` of the ordered `queryset`: the one way every list is paged (the
    public lists, the ListViews, the API).

    - `rows`: the page's ids come from `queryset` (from the narrow entries of an index),
      its rows from `rows` by primary key, with the relations the entries need. Without
      it, the page's rows are read from `queryset` itself.
    - `count`, when known, spares the count query.
    - `search`: "ids" reads the ids of the first SEARCH_LIMIT matches at once and counts
      and pages them in Python; "count" counts up to SEARCH_LIMIT first (for a search
      whose ids cost more to sort than to count). `page.more_than_limit` says whether
      there are more.
    - `strict`: a page number that is no number, or beyond the end, raises
      PageNotAnInteger or EmptyPage (with the list's `num_pages`; the API answers 400);
      otherwise the first or the last page is shown, as `Paginator.get_page` does.
    """
    more = False
    if search == "ids":
        items, more = search_ids(queryset)
        rows = _rows(queryset, rows)
    else:
        if search == "count":
            found = capped_count(queryset)
            more, count = found > SEARCH_LIMIT, min(found, SEARCH_LIMIT)
        items = queryset if rows is None else queryset.values_list("pk", flat=True)
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    try:
        page = paginator.page(number) if strict else paginator.get_page(number)
    except EmptyPage as error:
        error.num_pages = paginator.num_pages
        raise
    page.more_than_limit = more
    if rows is not None:
        page.object_list = in_order(rows, list(page.object_list))
    return page


# A search that matches more than this many shows the first ones and asks to narrow
# it down ("Mehr als 1.000 … gefunden"): counting every match of a word found in
# nearly every entry cost more than the rest of the page.
SEARCH_LIMIT = 1000


def search_ids(queryset):
    """The ids of the first SEARCH_LIMIT rows of the ordered `queryset`, read at once,
    and whether there are more."""
    ids = list(queryset.values_list("pk", flat=True)[: SEARCH_LIMIT + 1])
    return ids[:SEARCH_LIMIT], len(ids) > SEARCH_LIMIT


def capped_count(queryset):
    """How many rows `queryset` has, counted up to SEARCH_LIMIT + 1 (the database may
    stop there)."""
    return queryset.order_by()[: SEARCH_LIMIT + 1].count()


def in_order(rows, ids):
    """The rows of `rows` with these primary keys, in the order of `ids`. By primary key
    alone, not with the list's conditions: with a search's the database would read
    every match again (PostgreSQL does, 4 ms for "familien")."""
    by_pk = rows.in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def in_chunks(queryset, size=1000):
    """Every row of the ordered `queryset`, loaded `size` at a time by primary key.

    For downloads that are streamed after the view has returned, and for long runs
    such as a mailing. `.iterator()` would
    keep a database cursor open between rows; on PostgreSQL that is a server-side
    cursor, and when a download is dropped unread, the garbage collector closes it at
    some later moment, possibly in the middle of another query on the same connection,
    where psycopg then waits for itself forever. Here every query is read to the end
    before the first row is handed out; only the ids (one integer per row) are held.
    """
    ids = list(queryset.values_list("pk", flat=True))
    rows = queryset.order_by()  # the same conditions, relations and annotations
    for start in range(0, len(ids), size):
        yield from in_order(rows, ids[start : start + size])


def _rows(queryset, rows):
    # `rows or …` would evaluate the queryset: every row of the table.
    return queryset.model._default_manager.all() if rows is None else rows


def pager(page):
    """What `templates/includes/pager.html` needs to link every page of a long list: the
    page and its numbers (1 2 … 7 8 9 … 541 542 instead of 542 links at national size).
    Without the numbers it says "Seite X von Y"; either way its links keep the filters."""
    return {
        "page_obj": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }


class LenientPaginationMixin:
    """For ListViews: paged by `paginate()`; a page number that is not a number, or
    beyond the end, shows the first or the last page instead of answering 404."""

    def paginate_queryset(self, queryset, page_size):
        page = paginate(queryset, page_size, self.request.GET.get(self.page_kwarg))
        return page.paginator, page, page.object_list, page.has_other_pages()
