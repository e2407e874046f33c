"""Backup codes for the second factor: ten at set-up, shown once, each usable once at login
instead of the app's code; new ones void the old ones; a new phone from a backup-code
session."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis import backup_codes
from tests.factories import TOTPDeviceFactory, UserFactory
from tests.support.otp import current_code

PASSWORD = "ein-langes-passwort-123"
SETUP = "/verwaltung/zwei-faktor/einrichten/"
VERIFY = "/verwaltung/zwei-faktor/pruefen/"
VERIFY_BACKUP = "/verwaltung/zwei-faktor/pruefen/ersatzcode/"
CODES = "/verwaltung/zwei-faktor/ersatzcodes/"


@pytest.fixture
def person(coordinator):
    return coordinator


def password_login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def codes_on(page):
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4})</code></li>", page)


def test_setting_up_the_app_shows_ten_codes_once(client, person):
    password_login(client, person)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=person)

    data = {"token": current_code(device), "next": "/verwaltung/partners/"}
    response = client.post(SETUP, data, follow=True)

    page = response.content.decode()
    codes = codes_on(page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "Diese Seite zeigt sie nur dieses eine Mal" in page
    assert "Codes drucken" in page and 'src="/static/js/print.js"' in page
    assert 'href="/verwaltung/partners/"' in page  # "weiter" goes where she was going
    assert re.search(r"Erzeugt am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}", page)
    assert StaticToken.objects.filter(device__user=person).count() == 10
    # Shown once: the next visit says how many are left, not which.
    again = client.get(CODES).content.decode()
    assert codes_on(again) == []
    assert "Sie haben noch 10 unbenutzte Ersatzcodes." in again


def test_a_backup_code_logs_in_once(client, person):
    TOTPDeviceFactory(user=person, name="App", confirmed=True)
    codes = backup_codes.new_backup_codes(person)
    password_login(client, person)
    verify_page = client.get(VERIFY).content.decode()
    assert "Telefon nicht zur Hand?" in verify_page and "TOTP" not in verify_page

    typed = codes[3].upper().replace("-", " ")  # as read from paper
    response = client.post(VERIFY_BACKUP, {"code": typed, "next": "/verwaltung/"})

    assert response["Location"] == "/verwaltung/"
    page = client.get("/verwaltung/").content.decode()
    assert "Sie haben sich mit einem Ersatzcode angemeldet" in page and "Es bleiben 9 Ersatzcodes" in page
    assert backup_codes.remaining_backup_codes(person) == 9

    client.logout()
    password_login(client, person)
    refused = client.post(VERIFY_BACKUP, {"code": codes[3], "next": "/verwaltung/"})
    assert refused.status_code == 200
    assert "Dieser Ersatzcode gilt nicht" in refused.content.decode()
    assert client.get("/verwaltung/")["Location"].startswith(VERIFY)


def test_a_wrong_backup_code_is_refused(client, person):
    TOTPDeviceFactory(user=person, name="App", confirmed=True)
    backup_codes.new_backup_codes(person)
    password_login(client, person)
    refused = client.post(VERIFY_BACKUP, {"code": "aaaa-aaaa"})
    assert "Dieser Ersatzcode gilt nicht" in refused.content.decode()
    assert backup_codes.remaining_backup_codes(person) == 10
    assert client.get("/verwaltung/").status_code == 302


def test_checking_a_code_is_post_only(client, person):
    password_login(client, person)
    assert client.get(VERIFY_BACKUP).status_code == 405


def test_another_persons_code_does_not_work(client, person, role_groups):
    other = UserFactory(username="andere", roles=["Koordination"])
    TOTPDeviceFactory(user=person, name="App", confirmed=True)
    codes = backup_codes.new_backup_codes(other)
    password_login(client, person)
    client.post(VERIFY_BACKUP, {"code": codes[0]})
    assert client.get("/verwaltung/").status_code == 302
    assert backup_codes.remaining_backup_codes(other) == 10


def test_new_codes_void_the_old_ones_and_she_gets_a_mail(client, person):
    TOTPDeviceFactory(user=person, name="App", confirmed=True)
    old = backup_codes.new_backup_codes(person)
    password_login(client, person)
    client.post(VERIFY_BACKUP, {"code": old[0]})

    response = client.post(CODES + "neu/", {"next": "/verwaltung/"}, follow=True)

    new = codes_on(response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert backup_codes.remaining_backup_codes(person) == 10
    assert StaticDevice.objects.filter(user=person).count() == 1
    assert backup_codes.use_backup_code(person, old[1]) is None
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert "Die bisherigen Ersatzcodes gelten nicht mehr" in message.body
    assert client.get(CODES + "neu/").status_code == 405


def test_new_codes_need_a_confirmed_session(client, person):
    TOTPDeviceFactory(user=person, name="App", confirmed=True)
    old = backup_codes.new_backup_codes(person)
    password_login(client, person)
    response = client.post(CODES + "neu/")
    assert response.status_code == 302
    assert backup_codes.use_backup_code(person, old[0]) is not None  # still the old ones
    assert mail.outbox == []


def test_a_new_phone_after_a_backup_code(client, person):
    TOTPDeviceFactory(user=person, name="Altes Telefon", confirmed=True)
    codes = backup_codes.new_backup_codes(person)
    password_login(client, person)
    client.post(VERIFY_BACKUP, {"code": codes[0]})
    assert "Authenticator-App neu einrichten" in client.get(CODES).content.decode()

    response = client.post("/verwaltung/zwei-faktor/neues-telefon/")

    assert response["Location"].startswith(SETUP)
    assert not TOTPDevice.objects.filter(user=person, name="Altes Telefon").exists()
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=person)
    response = client.post(SETUP, {"token": current_code(device), "next": "/verwaltung/"}, follow=True)
    assert len(codes_on(response.content.decode())) == 10
    assert backup_codes.use_backup_code(person, codes[1]) is None


def test_only_the_password_does_not_enrol_a_phone_while_codes_are_left(client, person):
    """Who knows only the password (the app was given up, codes remain) is asked for a code."""
    backup_codes.new_backup_codes(person)
    password_login(client, person)
    response = client.get(SETUP)
    assert response["Location"].startswith(VERIFY)
    assert client.get("/verwaltung/")["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=person).exists()


def test_login_page_says_what_to_do_when_the_phone_is_lost(client, alliance):
    page = client.get("/verwaltung/login/").content.decode()
    assert "Telefon mit der Authenticator-App verloren?" in page
    assert "Ersatzcodes" in page and "Servicestelle" in page and "Team" in page
    assert "TOTP" not in page
