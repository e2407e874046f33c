import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "Zq8#mW2!pL5@xR9$vT3%nB6^cF1&hJ4*",
    "ALLOWED_HOSTS": "buendnis.example.org",
    "SITE_URL": "https://buendnis.example.org",
    "PATH": "/usr/bin:/bin",
}


def run_production(code):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**PRODUCTION, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=PRODUCTION,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_and_transport():
    result = run_production(
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, "
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.PAGE_CACHE_SECONDS]))"
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values[:2] == ["__Host-sessionid", "__Host-csrftoken"]
    assert values[2:7] == [True, True, True, True, True]
    assert values[7] >= 31536000 and values[8] is True
    assert values[9] > 0  # the page cache is on in production


@pytest.fixture
def production_headers(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True


def test_headers_for_observatory_a_plus(client, alliance, production_headers):
    response = client.get("/", secure=True)
    csp = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
    )
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    # Deny by default: frames, workers, media, manifests, … are refused.
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_pages_carry_no_inline_script_or_style(client, alliance):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "style=" not in html and " on" + "click=" not in html


@pytest.mark.parametrize(
    "password", ["kurz1!", "123456789012345", "password1234", "1qaz2wsx3edc", "koordination-2024"]
)
def test_weak_passwords_are_refused(django_user_model, db, password):
    user = django_user_model(username="koordination", email="koordination@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_long_unusual_password_is_accepted(db):
    validate_password("Wiesen-Pfad 17 zum Rathaus")


@pytest.mark.parametrize("url", ["/?q=%00", "/buendnis/?seite=1%00", "/%00/", "/?%00=1", "/partner/?q=a&%00"])
def test_nul_bytes_are_refused_with_400(client, alliance, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


def test_other_bad_requests_do_not_blame_the_address(client, alliance, settings, logged_errors):
    """Django's own 400 (here: more form fields than allowed) is not the page about
    characters in the address."""
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    response = client.post("/anregungen/", {"a": 1, "b": 2, "c": 3})
    assert response.status_code == 400
    assert "Zeichen" not in response.content.decode()


def test_uploads_carry_the_resource_policy(db, client, settings, _alliance_scope):
    folder = settings.MEDIA_ROOT / "alliances" / str(_alliance_scope.pk) / "logos"
    folder.mkdir(parents=True)
    (folder / "logo.png").write_bytes(b"\x89PNG")
    response = client.get(f"/media/alliances/{_alliance_scope.pk}/logos/logo.png")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_resource_policy_is_set_before_whitenoise_answers(settings):
    # whitenoise answers static files itself; only middleware above it sees them.
    middleware = settings.MIDDLEWARE
    policy = middleware.index("buendnis.security.CrossOriginResourcePolicyMiddleware")
    assert policy < middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")


def test_resource_policy_can_be_relaxed_or_switched_off(client, alliance, settings):
    settings.SECURE_CROSS_ORIGIN_RESOURCE_POLICY = "same-site"
    assert client.get("/")["Cross-Origin-Resource-Policy"] == "same-site"
    settings.SECURE_CROSS_ORIGIN_RESOURCE_POLICY = ""
    assert "Cross-Origin-Resource-Policy" not in client.get("/")


def test_form_page_sets_a_host_only_secure_csrf_cookie(client, demo_data, settings):
    # What Mozilla's Observatory wants of cookies (Secure, HttpOnly, SameSite), and what
    # the __Host- prefix demands (Secure, Path=/, no Domain), on a real response.
    settings.CSRF_COOKIE_SECURE = True
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    response = client.get("/buendniserklaerung/unterzeichnen/", secure=True)
    assert response.status_code == 200
    cookie = response.cookies["__Host-csrftoken"]
    assert cookie["secure"] is True and cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/" and not cookie["domain"]


def test_nginx_example_fits_the_observatory_run():
    # bench/observatory.py runs deploy/nginx-buendnis.conf with local values replaced.
    from bench.observatory import site_config

    site = site_config(8123, "/tmp/c.pem", "/tmp/k.pem", "/tmp/media")
    assert "server 127.0.0.1:8123;" in site and "alias /tmp/media/;" in site
    assert "buendnis.example.org" not in site and "listen [::]" not in site
    # Django sets the security headers; the proxy adds them only where Django is not
    # asked (/media/), or browsers would see two HSTS headers.
    before_media = [line.strip() for line in site.split("location /media/ {")[0].splitlines()]
    assert not [line for line in before_media if line.startswith("add_header")]
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in site
    assert "location ^~ /media/pdf-cache/" in site
