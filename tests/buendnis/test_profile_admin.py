"""The profile in the admin: sections of at most eight fields, each with a sentence of
help; the logo shown as a picture, not as its file path."""

import io

from django.core.files.base import ContentFile
from django.urls import reverse
from modeltranslation.fields import TranslationField
from PIL import Image

from buendnis.admin import AllianceAdmin
from buendnis.models import Alliance


def test_the_profile_comes_in_sections_of_at_most_eight_fields_with_help():
    names = []
    for title, options in AllianceAdmin.fieldsets:
        assert 1 <= len(options["fields"]) <= 8, title
        description = options["description"]
        assert description.endswith(".") and description.count(". ") == 0, title  # one sentence
        names += options["fields"]
    # Every field of the profile is in exactly one section (none lost, none twice).
    editable = {
        field.name for field in Alliance._meta.get_fields()
        if getattr(field, "editable", False) and field.concrete and not field.auto_created
    } - {"slug", "suspended_at"}  # the Servicestelle's
    # The columns per language come in a section per language the alliance offers
    # (buendnis/translations_admin.py, tests/buendnis/test_content_translations.py).
    editable = {name for name in editable if not isinstance(Alliance._meta.get_field(name), TranslationField)}
    assert sorted(names) == sorted(editable)


def test_the_profile_form_shows_its_sections_and_their_help(coordinator_client, alliance):
    content = coordinator_client.get(
        reverse("admin:buendnis_alliance_change", args=[alliance.pk])
    ).content.decode()
    for title, options in AllianceAdmin.fieldsets:
        assert title in content
        assert options["description"] in content


def test_the_logo_is_shown_as_a_thumbnail_not_as_its_path(coordinator_client, alliance):
    image = io.BytesIO()
    Image.new("RGB", (40, 20), "#336699").save(image, format="PNG")
    alliance.logo.save("logo.png", ContentFile(image.getvalue()))
    content = coordinator_client.get(
        reverse("admin:buendnis_alliance_change", args=[alliance.pk])
    ).content.decode()
    assert f'<img class="image-thumbnail" src="{alliance.logo.url}" alt="Bisheriges Bild">' in content
    assert f">{alliance.logo.name}<" not in content
    assert coordinator_client.get(alliance.logo.url).status_code == 200
