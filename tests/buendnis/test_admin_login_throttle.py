from buendnis.models import RateLimitCounter


def attempt(client, username, ip):
    return client.post(
        "/verwaltung/login/", {"username": username, "password": "falsch"}, REMOTE_ADDR=ip
    )


def test_too_many_attempts_from_one_address_are_refused(client, alliance, settings):
    settings.ADMIN_LOGIN_ATTEMPTS_PER_HOUR = 3
    for number in range(3):
        assert attempt(client, f"user{number}", "203.0.113.5").status_code == 200
    response = attempt(client, "user9", "203.0.113.5")
    assert response.status_code == 429
    assert "Zu viele Anmeldeversuche" in response.content.decode()
    assert attempt(client, "user9", "203.0.113.6").status_code == 200


def test_too_many_attempts_for_one_user_name_from_many_addresses(client, alliance, settings):
    settings.ADMIN_LOGIN_ATTEMPTS_PER_HOUR = 3
    for number in range(3):
        assert attempt(client, "Koordination", f"198.51.100.{number}").status_code == 200
    refused = attempt(client, "koordination", "198.51.100.99")
    assert refused.status_code == 429
    assert "Zu viele Anmeldeversuche" in refused.content.decode()


def test_the_count_lives_in_the_shared_database(client, alliance):
    attempt(client, "koordination", "192.0.2.1")
    keys = set(RateLimitCounter.objects.values_list("key", flat=True))
    prefix = f"{alliance.pk}:"
    assert {prefix + "admin-login:ip:192.0.2.1", prefix + "admin-login:user:koordination"} <= keys


def test_throttled_login_does_not_log_in(client, django_user_model, alliance, settings):
    settings.ADMIN_LOGIN_ATTEMPTS_PER_HOUR = 1
    django_user_model.objects.create_superuser("koordination", "k@example.org", "ein-langes-passwort-123")
    attempt(client, "koordination", "192.0.2.7")
    response = client.post(
        "/verwaltung/login/",
        {"username": "koordination", "password": "ein-langes-passwort-123"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
