"""Cached HTML of the entries on the public lists (scale, issue 8).

At national scale a list page spends most of its time rendering entries it has
rendered before: a project's card reads the same whatever filter, search or page
led to it. `render_entries()` renders each entry once per content version and
keeps the HTML in the default cache. One cache read fetches every entry of a
page; only the missing ones are rendered, and only they need their related
objects loaded (`prefetch`).

Invalidation is the page cache's (`buendnis.pagecache`): every key contains the
content version, which every change bumps, and the entry's `updated_at`. Like a
cached page, an entry that depends on the clock (registration deadlines) stays
at most `FRAGMENT_CACHE_SECONDS`. 0 switches the cache off; that is the default
with DEBUG on and therefore in development and in the tests.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe

from buendnis import tenancy
from buendnis.pagecache import current_version


def _key(kind, alliance_id, version, entry):
    # The alliance of the scope, not the entry's: lists load only the columns they
    # show, and reading `entry.alliance_id` would load it row by row.
    changed = getattr(entry, "updated_at", None)
    stamp = changed.timestamp() if changed else ""
    language = translation.get_language()
    return f"entry:{alliance_id}:{kind}:{language}:{version}:{entry.pk}:{stamp}"


def render_entries(template_name, entries, *, name, prefetch=(), prepare=None, context=None):
    """The HTML of `template_name` for each entry, in order, as safe strings.

    The template sees the entry as `name` plus `context`, which must be the same
    for every request (it is part of the cache key), not the request itself.
    `prefetch` (lookups for `prefetch_related_objects`) and `prepare` (a function
    taking the list of entries) load what the template needs; both run only for
    the entries that are not in the cache.
    """
    context = context or {}
    template = get_template(template_name)
    variant = ",".join(f"{key}={value}" for key, value in sorted(context.items()))
    return [
        mark_safe(html)
        for html in per_entry(
            f"{template_name}:{variant}",
            entries,
            lambda entry: template.render({**context, name: entry}),
            prefetch=prefetch,
            prepare=prepare,
        )
    ]


def per_entry(kind, entries, render, *, prefetch=(), prepare=None):
    """`render(entry)` (a string) for each entry, in order, cached like `render_entries`.

    `kind` names what is rendered and how (template and context); it is part of the
    cache key. For text other than HTML, such as the calendar feed's events.
    """
    entries = list(entries)
    seconds = settings.FRAGMENT_CACHE_SECONDS
    keys = {}
    cached = {}
    if seconds > 0:
        version = current_version()
        alliance_id = tenancy.current_alliance_id()
        keys = {entry.pk: _key(kind, alliance_id, version, entry) for entry in entries}
        cached = cache.get_many(list(keys.values()))
    missing = [entry for entry in entries if keys.get(entry.pk) not in cached]
    if missing and prefetch:
        prefetch_related_objects(missing, *prefetch)
    if missing and prepare:
        prepare(missing)
    rendered = {entry.pk: render(entry) for entry in missing}
    if seconds > 0 and rendered:
        cache.set_many({keys[pk]: text for pk, text in rendered.items()}, seconds)
    return [rendered[entry.pk] if entry.pk in rendered else cached[keys[entry.pk]] for entry in entries]


# Per process: (alliance id, name) -> (content version, value).
_remembered = {}


def remembered(name, compute):
    """`compute()` for the active alliance, kept in this process until its content
    version changes.

    For small values that every page needs and that only change with the content
    (the alliance's profile, the number of partners), like Django's own cache of
    `Site` objects. It follows the entry cache: off where that is off (development,
    tests), so a test never sees a value from a rolled-back transaction.
    """
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return compute()
    version = current_version()
    key = (tenancy.current_alliance_id(), name)
    memo = _remembered.get(key)
    if memo is None or memo[0] != version:
        memo = _remembered[key] = (version, compute())
    return memo[1]
