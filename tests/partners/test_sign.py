import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partners.models import Partner, Signature
from tests.factories import FieldOfActionFactory, PartnerFactory
from tests.partners.conftest import links_in, png_upload, sign_data

SIGN_URL = "/buendniserklaerung/unterzeichnen/"


def test_form_shows_every_field_and_the_declaration(client, declaration):
    response = client.get(SIGN_URL)
    assert response.status_code == 200
    content = response.content.decode()
    for label in ("Name der Organisation", "Art der Organisation", "Ort", "Website",
                  "Kurzbeschreibung", "So wirken wir mit", "Logo", "Ansprechperson",
                  "E-Mail der Ansprechperson", "Telefon der Ansprechperson",
                  "Datenschutzhinweise", "öffentlich genannt"):
        assert label in content, label
    for kind in ("Kommune", "Kammer/Verband", "Träger der Kinder- und Jugendhilfe", "Sonstige"):
        assert kind in content
    assert "Wir machen mit für Familien." in content
    # No fields of action yet: no empty checkbox group.
    assert "Handlungsfelder von Interesse" not in content
    assert content.count("<h1") == 1


def test_fields_of_action_appear_once_published(client, declaration):
    FieldOfActionFactory(name="Familie und Beruf", slug="beruf")
    FieldOfActionFactory(name="Versteckt", slug="versteckt", published=False)
    content = client.get(SIGN_URL).content.decode()
    assert "Handlungsfelder von Interesse" in content
    assert "Familie und Beruf" in content
    assert "Versteckt" not in content


def test_signing_creates_unconfirmed_partner_and_sends_link(client, sign, declaration):
    field = FieldOfActionFactory(name="Familie und Beruf", slug="beruf")
    response = sign(fields_of_action=[field.pk])
    assert response.status_code == 302
    assert response["Location"] == "/buendniserklaerung/gesendet/"

    partner = Partner.objects.get()
    assert partner.name == "Tischlerei Holzwurm"
    assert partner.slug == "tischlerei-holzwurm"
    assert partner.contact_email == "erika@holzwurm.example.org"
    assert partner.listed is False
    assert partner.wants_listing is True
    assert list(partner.fields_of_action.all()) == [field]
    signature = partner.signatures.get()
    assert signature.status == Signature.Status.UNCONFIRMED
    assert signature.declaration == declaration
    assert signature.source == Signature.Source.ONLINE
    assert signature.signed_by == "Erika Muster"
    assert Partner.objects.pending().get() == partner

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika@holzwurm.example.org"]
    assert "Tischlerei Holzwurm" in message.subject
    [link] = links_in(message)
    assert link.startswith("/buendniserklaerung/bestaetigen/")
    assert "7 Tage" in message.body

    sent = client.get("/buendniserklaerung/gesendet/").content.decode()
    assert "E-Mail ist unterwegs" in sent


def test_unconfirmed_partner_is_not_public(client, sign):
    sign()
    assert "Tischlerei Holzwurm" not in client.get("/partner/").content.decode()
    assert client.get("/partner/tischlerei-holzwurm/").status_code == 404


def test_slug_is_unique_and_avoids_reserved_paths(sign, declaration):
    PartnerFactory(name="Tischlerei Holzwurm", contact_email="other@example.org")
    sign()
    assert Partner.objects.filter(slug="tischlerei-holzwurm-2").exists()
    sign(name="Verwalten", contact_email="v@example.org")
    assert Partner.objects.get(name="Verwalten").slug == "verwalten-2"


def test_logo_is_reencoded_scaled_and_stripped(client, declaration):
    exif = Image.Exif()
    exif[0x010F] = "Geheime Kamera"  # Make
    upload = png_upload("logo.jpg", size=(2000, 1000), image_format="JPEG", exif=exif.tobytes())
    with Image.open(upload) as original:
        assert original.getexif()[0x010F] == "Geheime Kamera"
    upload.seek(0)
    client.post(SIGN_URL, {**sign_data(), "logo": upload})
    partner = Partner.objects.get()
    with Image.open(partner.logo.path) as image:
        assert image.size == (600, 300)
        assert "exif" not in image.info
        assert not image.getexif()
    assert partner.logo.name.startswith(f"alliances/{partner.alliance_id}/logos/")


@pytest.mark.parametrize(
    "upload, message",
    [
        (lambda: SimpleUploadedFile(
            "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            content_type="image/svg+xml"), "PNG, JPEG oder WebP"),
        (lambda: png_upload(size=(10, 10), image_format="GIF"), "PNG, JPEG oder WebP"),
        (lambda: SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\nkaputt", content_type="image/png"),
         "kein lesbares Bild"),
        (lambda: png_upload(size=(8000, 6000), image_format="PNG", compress_level=1),
         "zu viele Bildpunkte"),
        (lambda: SimpleUploadedFile("big.png", b"\x00" * (5 * 1024 * 1024 + 1),
                                    content_type="image/png"), "zu groß"),
    ],
    ids=["svg", "gif", "corrupt", "too-many-pixels", "too-large"],
)
def test_bad_logos_are_refused(client, declaration, upload, message):
    response = client.post(SIGN_URL, {**sign_data(), "logo": upload()})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["logo"])
    assert not Partner.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"name": ""}, "name", "Dieses Feld ist zwingend erforderlich."),
        ({"name": "x" * 201}, "name", "höchstens 200 Zeichen"),
        ({"kind": "raumschiff"}, "kind", "keine gültige Auswahl"),
        ({"description": "x" * 1001}, "description", "höchstens 1000 Zeichen"),
        ({"contribution": "x" * 2001}, "contribution", "höchstens 2000 Zeichen"),
        ({"town": "x" * 101}, "town", "höchstens 100 Zeichen"),
        ({"contact_name": ""}, "contact_name", "zwingend erforderlich"),
        ({"contact_email": ""}, "contact_email", "zwingend erforderlich"),
        ({"contact_email": "keine-adresse"}, "contact_email", "gültige E-Mail-Adresse"),
        ({"contact_phone": "<b>1</b>"}, "contact_phone", "Telefonnummer"),
        ({"website": "keine url"}, "website", "gültige Adresse"),
        ({"website": "javascript:alert(1)"}, "website", "gültige Adresse"),
        ({"consent_declaration": None}, "consent_declaration", "Erklärung unterzeichnen"),
        ({"privacy": None}, "privacy", "Datenschutzhinweise"),
    ],
)
def test_bad_input_gets_german_message_and_changes_nothing(sign, overrides, field, message):
    response = sign(**overrides)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert 'role="alert"' in response.content.decode()
    assert not Partner.objects.exists()
    assert mail.outbox == []


def test_no_current_declaration_refuses_post(client, db):
    response = client.post(SIGN_URL, sign_data())
    assert response.status_code == 200
    assert not Partner.objects.exists()


def test_script_is_stored_as_text_and_shown_escaped(client, sign):
    name = '<script>alert("x")</script> & Söhne'
    sign(name=name, description="<b>fett</b>")
    partner = Partner.objects.get()
    assert partner.name == name
    # The plain-text e-mail shows the name as typed (no HTML part that could run it).
    message = mail.outbox[0]
    assert name in message.subject
    assert message.alternatives == []
    confirm = client.get(links_in(message)[0]).content.decode()
    assert "<script>alert" not in confirm
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Söhne" in confirm


def test_honeypot_is_refused_with_a_message_and_stores_nothing(sign):
    response = sign(homepage="http://spam.example")
    assert response.status_code == 200
    assert "sieht nach automatisch erzeugtem Spam aus" in response.content.decode()
    assert not Partner.objects.exists()
    assert mail.outbox == []


def test_signing_again_with_address_of_active_partner_sends_management_link(sign, declaration):
    partner = PartnerFactory(
        name="Tischlerei Holzwurm",
        contact_email="erika@holzwurm.example.org",
    )
    first = sign(name="Ganz anderer Name", contact_email="Erika@Holzwurm.example.org")
    assert first["Location"] == "/buendniserklaerung/gesendet/"
    assert Partner.objects.count() == 1
    assert Signature.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["erika@holzwurm.example.org"]
    assert "bereits Partner" in message.subject
    [link] = links_in(message)
    assert link.startswith("/partner/verwalten/")
    partner.refresh_from_db()
    assert partner.name == "Tischlerei Holzwurm"


def test_signing_again_while_unconfirmed_resends_confirmation(sign):
    sign()
    sign(name="Noch einmal")
    assert Partner.objects.count() == 1
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert links_in(mail.outbox[1])[0].startswith("/buendniserklaerung/bestaetigen/")


def test_known_and_unknown_addresses_get_identical_pages(client, sign):
    PartnerFactory(
        name="Tischlerei Holzwurm",
        contact_email="erika@holzwurm.example.org",
    )
    known = sign()
    unknown = sign(contact_email="neu@example.org", name="Neu")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_rate_limit_per_ip(client, sign, settings):
    settings.RATELIMIT_PER_HOUR = 2
    sign(contact_email="a@example.org", name="A")
    sign(contact_email="b@example.org", name="B")
    response = sign(contact_email="c@example.org", name="C")
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert Partner.objects.count() == 2


def test_rate_limit_per_email_address(client, sign, settings):
    settings.RATELIMIT_PER_HOUR = 2
    for number in range(2):
        client.post(SIGN_URL, sign_data(), REMOTE_ADDR=f"10.0.0.{number}")
    # A new IP address does not help against the per-address limit.
    response = client.post(SIGN_URL, sign_data(), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert len(mail.outbox) == 2
