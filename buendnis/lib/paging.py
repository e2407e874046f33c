"""Pages of search results (scale, issue 8).

A search for a common word matches thousands of rows, which a trigram index finds
but must read one by one (`LIKE '%…%'`). Counting them and then fetching one page
would read every match twice, and a late page would skip thousands in name order.
`search_page()` reads the ids of all matches once, in order, counts and pages them
in Python and loads only the page's rows: the same cost for every page of the same
search. The partner directory's search uses it (1,500 matches for "familien" at
national scale). The project search does not: its ids cost more to sort than its
count and first page cost to read.
"""

from django.core.paginator import Paginator


def search_page(queryset, per_page, number):
    """The page `number` (as `Paginator.get_page` takes it) of an ordered queryset."""
    page = Paginator(list(queryset.values_list("pk", flat=True)), per_page).get_page(number)
    # By primary key alone: with the search's conditions the database would read
    # every match again (PostgreSQL does, 4 ms for "familien").
    by_pk = queryset.model._default_manager.in_bulk(page.object_list)
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    return page
