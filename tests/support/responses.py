"""What a refused or an admin response must show, beyond its status code."""

from django.utils.html import escape


def assert_not_found(response):
    """404 with the portal's German page: nothing of the hidden object is revealed."""
    assert response.status_code == 404, response.status_code
    assert "Seite nicht gefunden" in response.content.decode()


def assert_login_required(response):
    """An anonymous visitor is sent to the admin login, and back afterwards."""
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith("/verwaltung/login/?next=")


def assert_admin_page(response):
    """An admin page that opened: 200, the portal's admin header and no error note."""
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    assert 'id="site-name"' in content and "Verwaltung" in content
    assert "errornote" not in content


def assert_shows(response, *objects):
    """200 and each object's name on the page."""
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    for obj in objects:
        assert escape(str(obj)) in content, obj


def streamed_body(response):
    """The body of a streamed response, read as a browser receives it: after the view
    has returned and outside any alliance's scope (the autouse fixture holds one for
    the whole test, which would hide a stream that queries outside the request's)."""
    from tests.support.tenancy import outside_any_scope

    with outside_any_scope():
        return b"".join(response.streaming_content)
