"""The languages of the public site.

German is the source language and has no prefix (/partner/), the others have one
(/en/partner/, /tr/…, /ar/…, /uk/…): Django's `i18n_patterns(prefix_default_language=False)`
in portal/urls.py and its `LocaleMiddleware`. The address alone decides the language, so
one URL always serves the same content (and the page cache's key, which contains the
path, keeps the languages apart). What this module adds:

- `LanguageMiddleware` (above the page cache): a prefix the alliance does not offer
  (`Alliance.offered_languages`) answers 404, as does the admin under a prefix
  (/en/verwaltung/…); and the first visit may follow `Accept-Language` once, by a 302
  to the prefixed address that no shared cache keeps. A cookie remembers it, so it
  happens once; a visitor coming from one of our own pages (the language switch) is
  never redirected.
- `LocaleMiddleware`: Django's, except that a URLconf without `i18n_patterns` (the
  installation's own domain, `SERVICE_URLCONF`) stays German whatever the browser asks for.
- `alternates()`: the page in each offered language, for the language switch and
  `<link rel="alternate" hreflang>`.
"""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import Http404, HttpResponseRedirect
from django.middleware import locale
from django.urls import NoReverseMatch, get_script_prefix, is_valid_path, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import trans_real

# Always German, never under a language prefix: the admin and everything the coordinator sees.
GERMAN_ONLY_PREFIXES = ("/verwaltung/",)
NAMES = dict(settings.LANGUAGES)


def prefixed_language(path):
    """The language of an address's prefix (/en/… -> "en"), None without one.

    What Django's `get_language_from_path` finds there, if the address starts with
    exactly that code: a language of the installation (of any case) whose catalogue
    exists. Written out, as every request asks (issue 24): Django's lookup costs ten
    times as much, and for an address without a language (/partner/…) raises and
    catches an exception.
    """
    segment, slash, _rest = path[1:].partition("/")
    if (
        slash
        and path.startswith("/")
        and segment != settings.LANGUAGE_CODE
        and segment.lower() in trans_real.get_languages()
        and translation.check_for_language(segment)
    ):
        return segment
    return None


def path_language(request):
    """`prefixed_language` of the request's address, worked out once per request (the
    language middleware and the page cache's key both ask on every request)."""
    try:
        return request.path_language
    except AttributeError:
        request.path_language = prefixed_language(request.path_info)
        return request.path_language


def preferred_language(header, offered):
    """The first language of an Accept-Language header that the site offers, or None."""
    for accepted, _quality in trans_real.parse_accept_lang_header(header):
        if accepted == "*":
            return None
        try:
            language = translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
        if language in offered:
            return language
    return None


def _comes_from_our_site(request):
    referer = request.META.get("HTTP_REFERER")
    return bool(referer) and urlsplit(referer).netloc == request.get_host()


def first_visit_redirect(request, alliance):
    """The 302 of a first visit to a German address by a browser that prefers another
    offered language, or None."""
    if request.method not in ("GET", "HEAD") or "text/html" not in request.META.get("HTTP_ACCEPT", ""):
        return None
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES or _comes_from_our_site(request):
        return None
    if request.path_info.startswith(GERMAN_ONLY_PREFIXES):
        return None
    language = preferred_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""), alliance.offered_languages)
    if language is None or language == settings.LANGUAGE_CODE:
        return None
    target = f"/{language}{request.path_info}"
    with translation.override(language):  # the prefix pattern matches the active language's
        if not is_valid_path(target, getattr(request, "urlconf", None)):
            return None  # an address without languages (API, sitemap, media)
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponseRedirect(get_script_prefix().rstrip("/") + target + (f"?{query}" if query else ""))
    # For this browser only: a shared cache must not send every visitor on.
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alliance = getattr(request, "alliance", None)
        if alliance is None:
            return self.get_response(request)  # the installation's own pages: German
        language = path_language(request)
        if language is not None:
            # `alliance.offered_languages` without building the list on each request:
            # the prefix is a language of the installation, and not German.
            if language not in (alliance.languages or ()):
                raise Http404("Diese Sprache bietet das Bündnis nicht an.")
            if request.path_info[len(language) + 1:].startswith(GERMAN_ONLY_PREFIXES):
                raise Http404("Die Verwaltung gibt es nur auf Deutsch.")
            return self.get_response(request)
        return first_visit_redirect(request, alliance) or self.get_response(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware; a URLconf without language prefixes is German."""

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if not is_language_prefix_patterns_used(urlconf)[0]:
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return
        super().process_request(request)


def alternates(request):
    """The page in each language the alliance offers: [{code, name, url, current}], the
    URLs absolute; [] where the page has no language versions (admin, 404)."""
    alliance = getattr(request, "alliance", None)
    match = getattr(request, "resolver_match", None)
    if alliance is None or match is None or request.path_info.startswith(GERMAN_ONLY_PREFIXES):
        return []
    if len(alliance.offered_languages) < 2:
        return []  # German only: no switch, no alternates
    current = translation.get_language()
    # The page's address in each language: its path and the page of a list (`seite`);
    # other parameters are not echoed (a filter the page ignored would reappear in them).
    page = request.GET.get("seite", "")
    query = f"?seite={quote(page)}" if page.isdigit() else ""
    links = []
    for code in alliance.offered_languages:
        url = in_language(match, code, request.path) + query
        if code != current and url == request.path + query:
            return []  # not a page in every language
        links.append({"code": code, "name": NAMES[code], "url": request.build_absolute_uri(url),
                      "path": url, "current": code == current})
    return links


def in_language(match, code, path):
    """The path of the page `match` in language `code` (`path` where it has none), as
    Django's translate_url makes it, without resolving the path again for each language."""
    if match.url_name is None:
        return path
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return path
