"""Cache for the public pages that anonymous visitors see.

What is cached: GET requests without a session or messages cookie whose
response is a 200 HTML page or calendar file that sets no cookie (so nothing with a CSRF token),
was not reached through a personal link (a URL with a `token`) and is not
marked private/no-cache/no-store (`@never_cache` opts a view out). Entries
are stored compressed (gzip and brotli) in the default cache: per worker
process by default, shared with Redis (`REDIS_URL`).

How it is invalidated: every cache key contains the alliance's id, the host and the
number stored in the alliance's `buendnis.ContentVersion` (one per alliance). The
one invalidation point is `bump()`, which the middleware calls after every
successful POST/PUT/PATCH/DELETE - that covers every change the coordinator makes
in the admin and every public form. Code that changes public content outside a
request (management commands) calls `bump()` itself. Each worker re-reads the number at most every
`PAGE_CACHE_VERSION_CHECK` seconds (default 2), so a change is visible in every
worker and on every app server within that time. `PAGE_CACHE_SECONDS` (default
300 with DEBUG off, 0 = off, also in tests) bounds how long a page that depends
only on the clock (upcoming dates) may stay.
"""

import functools
import gzip
import hashlib
import re
import time

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_vary_headers

from buendnis import languages, tenancy

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Pages, the calendar files that calendar apps fetch again and again (the feed of a
# year's dates takes 50 ms to build at national scale), and the open data that other
# programs poll the same way (API, feeds, sitemap).
CACHED_TYPES = ("text/html", "text/calendar", "application/json", "application/atom+xml", "application/xml")
MAX_QUERY_LENGTH = 300
# django.contrib.messages.storage.cookie.CookieStorage.cookie_name
MESSAGES_COOKIE = "messages"
re_accepts_br = re.compile(r"\bbr\b")
re_accepts_gzip = re.compile(r"\bgzip\b")

# Per process: alliance id -> (the last version read from the database, when it
# changed, when it was read).
_memo = {}


def _state():
    alliance_id = tenancy.current_alliance_id()
    if alliance_id is None:
        raise tenancy.ScopeError("Der Inhaltsstand gehört zu einem Bündnis: keines ist aktiv.")
    now = time.monotonic()
    memo = _memo.get(alliance_id)
    if memo is not None and now - memo[2] < settings.PAGE_CACHE_VERSION_CHECK:
        return memo
    from buendnis.models import ContentVersion  # here, not above the memo: every request asks

    version, changed_at = ContentVersion.objects.values_list("version", "changed_at").first() or (0, None)
    memo = _memo[alliance_id] = (version, changed_at, now)
    return memo


def current_version():
    """The content version of the active alliance (each alliance has its own)."""
    return _state()[0]


def last_change():
    """When the active alliance's public content last changed (None: never since the
    installation), for Last-Modified."""
    return _state()[1]


def bump(alliance_id=None):
    """Retire every cached page and entry of the active alliance, or of the one with
    `alliance_id` (when the Servicestelle suspends or resumes it), after the
    transaction commits."""
    alliance_id = alliance_id or tenancy.current_alliance_id()
    if alliance_id is not None:
        transaction.on_commit(functools.partial(_bump_now, alliance_id))


def _bump_now(alliance_id):
    from buendnis.models import ContentVersion

    versions = ContentVersion.objects.with_scope(alliance=alliance_id)
    now = timezone.now()
    updated = versions.filter().update(version=F("version") + 1, changed_at=now)
    if not updated:
        try:
            with transaction.atomic():
                versions.create(alliance_id=alliance_id, version=1, changed_at=now)
        except IntegrityError:
            versions.filter().update(version=F("version") + 1, changed_at=now)
    _memo.pop(alliance_id, None)


def _is_cacheable_request(request):
    if request.method != "GET" or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if tenancy.current_alliance_id() is None:
        return False  # the installation's own pages (finder, Servicestelle)
    if request.path.startswith(settings.PAGE_CACHE_NEVER):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    match = request.resolver_match
    if match is not None and "token" in match.kwargs:
        return False  # a personal link: its page is for one person only
    if not response.get("Content-Type", "").startswith(CACHED_TYPES):
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & UNCACHEABLE_DIRECTIVES


def _cache_key(request, version):
    # The alliance's id as well as the host: a domain that passes to a new alliance
    # (the old one deleted) never serves the old one's pages. The language is the
    # address's (/en/…; none: German), named in the key too (buendnis.languages).
    # "page2": the entries' layout (their headers final, see `_entry`); an older
    # version's entries in a shared cache are never read.
    host = getattr(request, "validated_host", None) or request.get_host()
    raw = f"{request.scheme}://{host}{request.get_full_path()}"
    language = languages.path_language(request) or settings.LANGUAGE_CODE
    # 128 bits: the cache checks a key character by character on every request.
    digest = hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
    return f"page2:{tenancy.current_alliance_id()}:{version}:{language}:{digest}"


def _entry(response):
    body = response.content
    # Every answer from the cache varies by the encoding it is sent in.
    patch_vary_headers(response, ("Accept-Encoding",))
    headers = {
        name: value
        for name, value in response.items()
        if name.lower() not in {"content-length", "content-encoding", "etag"}
    }
    # Weak: the same page in each encoding (conditional requests, opendata.middleware).
    headers["ETag"] = f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
    return {
        "headers": headers,
        "gzip": gzip.compress(body, compresslevel=6, mtime=0),
        "br": brotli.compress(body, quality=9),
    }


def _response(entry, request, state):
    """The answer from an entry: its headers are final but for the encoding, the
    length and X-Page-Cache, so a hit sets them all at once (issue 24)."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    headers = {**entry["headers"], "X-Page-Cache": state}
    if re_accepts_br.search(accepted):
        body = entry["br"]
        headers["Content-Encoding"] = "br"
    elif re_accepts_gzip.search(accepted):
        body = entry["gzip"]
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(entry["gzip"])
    headers["Content-Length"] = str(len(body))
    return HttpResponse(body, headers=headers)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in UNSAFE_METHODS:
            response = self.get_response(request)
            if response.status_code < 400:
                try:
                    bump()
                except DatabaseError:
                    pass
            return response
        if not _is_cacheable_request(request):
            return self.get_response(request)
        try:
            key = _cache_key(request, current_version())
        except DatabaseError:
            return self.get_response(request)
        entry = cache.get(key)
        if entry is not None:
            return _response(entry, request, "hit")
        response = self.get_response(request)
        if not _is_cacheable_response(request, response):
            return response
        entry = _entry(response)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return _response(entry, request, "miss")
