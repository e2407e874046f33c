import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partners.models import Partner
from tests.factories import DeclarationFactory

LINK_RE = re.compile(r"http://testserver(/\S+/)")


@pytest.fixture(autouse=True)
def _alliance(alliance):
    alliance.coordinator_email = "koordination@example.org"
    alliance.save()
    return alliance


@pytest.fixture
def declaration(db):
    return DeclarationFactory(version="2024", text="<p>Wir machen mit für Familien.</p>", is_current=True)


def png_upload(name="logo.png", size=(800, 400), image_format="PNG", colour="red", **save_args):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=image_format, **save_args)
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{image_format.lower()}")


def sign_data(**overrides):
    data = {
        "name": "Tischlerei Holzwurm",
        "kind": Partner.Kind.COMPANY,
        "town": "Musterhausen",
        "website": "https://holzwurm.example.org",
        "description": "Wir bauen Möbel.",
        "contribution": "Wir bieten Ferienjobs und flexible Arbeitszeiten.",
        "contact_name": "Erika Muster",
        "contact_email": "erika@holzwurm.example.org",
        "contact_phone": "01234 / 56 78",
        "consent_declaration": "on",
        "wants_listing": "on",
        "privacy": "on",
        "homepage": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def links_in(message):
    return LINK_RE.findall(message.body)


@pytest.fixture
def sign(client, declaration):
    """POST the signing form and return the response."""

    def post(**overrides):
        return client.post("/buendniserklaerung/unterzeichnen/", sign_data(**overrides))

    return post
