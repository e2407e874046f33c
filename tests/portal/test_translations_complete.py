"""The interface is translated completely (issue 24): `msgfmt --statistics` reports 0
untranslated and 0 fuzzy messages for every language. Fails until the translators'
catalogues are complete."""

from portal import messages_check


def test_every_catalogue_is_completely_translated():
    """Passes once the translators' catalogues are complete (issue 24): 0 untranslated
    and 0 fuzzy messages in every language."""
    statistics = messages_check.statistics()
    assert set(statistics) == {"en", "tr", "ar", "uk"}
    incomplete = {language: counts for language, counts in statistics.items() if counts[1] or counts[2]}
    assert incomplete == {}, "(übersetzt, unscharf, unübersetzt) je Sprache"
