import time

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TOTPDeviceFactory
from tests.support.accounts import staff_account
from tests.support.otp import login_verified

PASSWORD = "ein-langes-passwort-123"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def superuser(django_user_model, alliance):
    return django_user_model.objects.create_superuser("koordination", "k@example.org", PASSWORD)


def password_login(client, username="koordination"):
    return client.post(
        "/verwaltung/login/?next=/verwaltung/", {"username": username, "password": PASSWORD}
    )


def test_password_alone_leads_to_setup_with_qr_code(client, superuser):
    response = password_login(client)
    assert response.status_code == 302
    response = client.get("/verwaltung/")
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/zwei-faktor/einrichten/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    assert "Bündnis für Familie Musterhausen" in html
    device = TOTPDevice.objects.get(user=superuser)
    assert not device.confirmed


def test_enrolment_needs_a_correct_code(client, superuser):
    password_login(client)
    client.get("/verwaltung/zwei-faktor/einrichten/")
    device = TOTPDevice.objects.get(user=superuser)
    wrong = client.post("/verwaltung/zwei-faktor/einrichten/", {"token": "000000", "next": "/verwaltung/"})
    if current_code(device) != "000000":
        assert wrong.status_code == 200
        assert "Der Code stimmt nicht" in wrong.content.decode()
    # django-otp makes the next try wait after a failure; the test does not wait.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    response = client.post(
        "/verwaltung/zwei-faktor/einrichten/", {"token": current_code(device), "next": "/verwaltung/"}
    )
    # Next come the backup codes (tests/buendnis/test_backup_codes.py), then the admin.
    assert response.status_code == 302
    assert response["Location"] == "/verwaltung/zwei-faktor/ersatzcodes/?next=%2Fverwaltung%2F"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/verwaltung/").status_code == 200


def test_next_login_asks_for_the_code(client, superuser):
    device = TOTPDeviceFactory(user=superuser, name="App", confirmed=True)
    password_login(client)
    response = client.get("/verwaltung/buendnis/")
    assert response["Location"].startswith("/verwaltung/zwei-faktor/pruefen/")
    refused = client.post("/verwaltung/zwei-faktor/pruefen/", {"token": "12ab56"})
    assert "nur aus Ziffern" in refused.content.decode()
    assert client.get("/verwaltung/").status_code == 302
    response = client.post(
        "/verwaltung/zwei-faktor/pruefen/", {"token": current_code(device), "next": "/verwaltung/buendnis/"}
    )
    assert response["Location"] == "/verwaltung/buendnis/"
    assert client.get("/verwaltung/").status_code == 200


def test_next_must_stay_on_this_site(client, superuser):
    device = TOTPDeviceFactory(user=superuser, name="App", confirmed=True)
    password_login(client)
    response = client.post(
        "/verwaltung/zwei-faktor/pruefen/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/verwaltung/"


@pytest.mark.parametrize("role", ["Koordination", "Steuerungsgruppe"])
def test_coordination_and_steering_group_need_the_second_factor(client, alliance, role):
    # Both see every partner's contact data.
    user = staff_account("ko", "ko@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    password_login(client, "ko")
    assert client.get("/verwaltung/")["Location"].startswith("/verwaltung/zwei-faktor/einrichten/")


def test_other_staff_log_in_with_password(client, django_user_model, alliance):
    user = staff_account("ag", "ag@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="AG-Leitung")[0])
    password_login(client, "ag")
    response = client.get("/verwaltung/")
    assert response.status_code == 200
    assert response.context["user"] == user


def test_admin_client_fixture_is_verified(admin_client, alliance):
    response = admin_client.get("/verwaltung/")
    assert response.status_code == 200
    assert response.context["user"].is_verified()


def test_login_verified_helper_for_other_tests(client, superuser):
    login_verified(client, superuser)
    response = client.get("/verwaltung/")
    assert response.status_code == 200
    assert response.context["user"] == superuser and superuser.is_superuser


def test_public_pages_are_not_affected(client, superuser):
    password_login(client)
    response = client.get("/")
    assert response.status_code == 200
    assert "Zwei-Faktor" not in response.content.decode()


def test_setup_page_needs_a_staff_login(client, alliance):
    response = client.get("/verwaltung/zwei-faktor/einrichten/")
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/login/")


def test_session_ends_after_idle_timeout(client, superuser, settings):
    login_verified(client, superuser)
    response = client.get("/verwaltung/")
    assert response.status_code == 200
    assert response.context["user"] == superuser and superuser.is_superuser
    session = client.session
    session["security:last_seen"] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/verwaltung/")
    assert response.status_code == 302
    assert response["Location"].startswith("/verwaltung/login/")
    assert client.get("/verwaltung/")["Location"].startswith("/verwaltung/login/")


def test_session_ends_after_absolute_timeout_despite_activity(client, superuser, settings):
    login_verified(client, superuser)
    client.get("/verwaltung/")
    session = client.session
    session["security:started"] = int(time.time()) - settings.SESSION_ABSOLUTE_TIMEOUT - 5
    session.save()
    assert client.get("/verwaltung/")["Location"].startswith("/verwaltung/login/")
