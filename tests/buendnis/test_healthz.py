from unittest import mock

from django.db.utils import OperationalError


def test_healthz_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}


def test_healthz_database_unreachable(client, db, logged_errors):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] is False
    # Django reports every 503 as an error: the operators must hear of the outage.
    assert logged_errors.messages() and all(
        message.startswith("Service Unavailable") for message in logged_errors.messages()
    )


def test_database_error_gives_german_503_page(client, db, logged_errors):
    with mock.patch(
        "buendnis.views.Milestone.objects.chronological",
        side_effect=OperationalError("server closed the connection"),
    ):
        response = client.get("/buendnis/")
    assert response.status_code == 503
    assert "Vorübergehend nicht erreichbar" in response.content.decode()
    assert response["Retry-After"] == "30"
    # Django reports every 503 as an error: the operators must hear of the outage.
    assert logged_errors.messages() and all(
        message.startswith("Service Unavailable") for message in logged_errors.messages()
    )
