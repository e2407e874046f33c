"""`buendnis.emails`: every e-mail says its language (Content-Language); inside
`in_language` it is the recipient's, everywhere else German – the coordination's and the
team's e-mails stay German also when a visitor's request in another language sends them."""

from django.urls import reverse
from django.utils import translation

from buendnis.emails import absolute_url, in_language, mail_language, send_templated
from buendnis.lib.languages import current_language, supported
from tests.factories import UserFactory


def test_outside_in_language_an_email_is_german_whatever_the_request(alliance):
    user = UserFactory(email="team@example.org")
    with translation.override("tr"):
        message = send_templated("backup_codes_renewed", {"user": user}, [user.email])
    assert message.extra_headers["Content-Language"] == "de"
    assert "Ersatzcodes" in message.subject + message.body


def test_in_language_renders_texts_and_links_in_it_and_restores_the_callers(alliance):
    with translation.override("de"):
        with in_language("uk") as language:
            assert language == "uk"
            assert translation.get_language() == "uk"
            assert mail_language() == "uk"
            link = absolute_url(reverse("partners:sign"))
        assert translation.get_language() == "de"
        assert mail_language() == "de"
    with translation.override("uk"):
        assert link == absolute_url(reverse("partners:sign"))


def test_unknown_languages_fall_back_to_german():
    assert supported("tr-TR") == "tr"
    assert supported("fr") == "de"
    assert supported("") == "de"
    assert supported(None) == "de"
    with translation.override("ar"):
        assert current_language() == "ar"
    with in_language("xx") as language:
        assert language == "de"
