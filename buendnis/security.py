"""Protection of the admin (/verwaltung/): login throttling, session timeouts, 2FA.
Also the Cross-Origin-Resource-Policy header and the refusal of NUL bytes.

- Login attempts are counted in the shared rate-limit store
  (`buendnis.ratelimit.hit`) per client IP and per user name, so the limit
  holds across every worker process and app server.
- A session ends after `SESSION_IDLE_TIMEOUT` seconds without a request and in
  any case `SESSION_ABSOLUTE_TIMEOUT` seconds after login.
- Superusers and members of the groups in `ADMIN_2FA_GROUPS` ("Koordination",
  "Steuerungsgruppe") must confirm each session with a TOTP code or a backup code
  (django-otp). Without either they are sent to the setup page (QR code), otherwise
  to the code page.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse

from buendnis.admin_sites import current_admin_site
from buendnis.ratelimit import client_ip, hit
from buendnis.roles import role_names

SESSION_STARTED = "security:started"
SESSION_LAST_SEEN = "security:last_seen"
# Writing the session on every request costs a query; a minute of slack is enough.
LAST_SEEN_RESOLUTION = 60


def requires_second_factor(user):
    if not settings.ADMIN_2FA_REQUIRED or not user.is_authenticated or not user.is_staff:
        return False
    if user.is_superuser:
        return True
    # The groups the role checks of the same request read too: one query for all of them.
    return not role_names(user).isdisjoint(settings.ADMIN_2FA_GROUPS)


def login_allowed(request):
    """Count one login attempt; False once the IP or the user name is over the limit."""
    limit = settings.ADMIN_LOGIN_ATTEMPTS_PER_HOUR
    username = request.POST.get("username", "").strip().lower()[:150]
    allowed_ip = hit(f"admin-login:ip:{client_ip(request)}", limit)
    allowed_user = hit(f"admin-login:user:{username}", limit) if username else True
    return allowed_ip and allowed_user


@receiver(user_logged_in, dispatch_uid="buendnis.security.stamp_login")
def stamp_login(sender, request, user, **kwargs):
    """Start the clocks at login, so the first request after it writes nothing."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_STARTED] = now
        request.session[SESSION_LAST_SEEN] = now


def session_expired(request, now):
    session = request.session
    started = session.setdefault(SESSION_STARTED, now)
    last_seen = session.get(SESSION_LAST_SEEN, now)
    if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
        return True
    if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
        return True
    if now - last_seen >= LAST_SEEN_RESOLUTION or SESSION_LAST_SEEN not in session:
        session[SESSION_LAST_SEEN] = now
    return False


class AdminSecurityMiddleware:
    """Place after AuthenticationMiddleware and django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_prefix = reverse("admin:index")
        in_admin = request.path.startswith(admin_prefix)
        if in_admin and request.method == "POST" and request.path == reverse("admin:login"):
            if not login_allowed(request):
                context = {**current_admin_site().each_context(request), "title": "Zu viele Anmeldeversuche"}
                return render(request, "admin/security/login_throttled.html", context, status=429)

        user = request.user
        if user.is_authenticated:
            if session_expired(request, int(time.time())):
                logout(request)
                login_url = reverse("admin:login")
                return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
            if in_admin and self._second_factor_missing(request):
                return self._second_factor_page(request)
        return self.get_response(request)

    def _second_factor_missing(self, request):
        exempt = {
            reverse("twofactor:setup"),
            reverse("twofactor:verify"),
            reverse("twofactor:verify_backup"),
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
        }
        if request.path in exempt:
            return False
        user = request.user
        return requires_second_factor(user) and not user.is_verified()

    def _second_factor_page(self, request):
        from buendnis.backup_codes import has_second_factor

        target = reverse("twofactor:verify" if has_second_factor(request.user) else "twofactor:setup")
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


class RejectNullBytesMiddleware:
    """Refuse addresses and query strings with NUL bytes (400).

    No person types them; PostgreSQL cannot compare text with them and would
    answer a search such as /partner/?q=%00 with an error (500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or self._query_has_null_byte(request):
            return render(request, "bad_address.html", status=400)
        return self.get_response(request)

    @staticmethod
    def _query_has_null_byte(request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" not in query and "\x00" not in query:
            return False  # no NUL in any name or value: the query is not parsed (issue 24)
        values = (value for _key, items in request.GET.lists() for value in [_key, *items])
        return any("\x00" in value for value in values)


class CrossOriginResourcePolicyMiddleware:
    """Send Cross-Origin-Resource-Policy (`SECURE_CROSS_ORIGIN_RESOURCE_POLICY`).

    With "same-origin" a browser will not load the portal's pages, images or files
    into another site (as <img>, <script>, …); links to them still work. Place it
    before WhiteNoiseMiddleware, so static files get the header too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.SECURE_CROSS_ORIGIN_RESOURCE_POLICY
        if policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", policy)
        return response


class RobotsTagMiddleware:
    """`X-Robots-Tag: noindex` on the admin and every page behind a personal link (a URL
    with a `token`), so search engines keep them out even if such a link leaks; the
    sitemap and /robots.txt (opendata) leave them out too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if request.path.startswith("/verwaltung/") or (match is not None and "token" in match.kwargs):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
