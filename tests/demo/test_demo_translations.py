"""The demo alliance speaks English and Turkish where it matters, and shows one outdated
translation (issue 24)."""

from django.utils import translation

from buendnis import translations
from buendnis.models import Alliance, FieldOfAction


def test_the_demo_has_translations_and_one_outdated(demo_data):
    alliance = Alliance.objects.get(pk=Alliance.current().pk)  # as the demo left it
    with translation.override("tr"):
        assert alliance.tagline.startswith("Musterhausen'i birlikte")
    with translation.override("en"):
        assert FieldOfAction.objects.get(slug="kindertagesbetreuung").name.startswith("Childcare")
    care = FieldOfAction.objects.get(slug="beruf-und-pflege")
    assert translations.status(care, "en") == translations.Status.OUTDATED
    assert translations.status(care, "tr") == translations.Status.MISSING
    with translation.override("tr"):
        assert FieldOfAction.objects.get(slug="elternkompetenz").name.startswith("Ebeveynlik")
