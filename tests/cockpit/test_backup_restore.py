import io
import tarfile
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from buendnis.models import Alliance
from cockpit import roles as cockpit_roles
from partners.models import Partner
from tests.factories import (
    DeclarationFactory,
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    SignatureFactory,
    TOTPDeviceFactory,
)


def make_alliance_data(django_user_model):
    declaration = DeclarationFactory(version="2020", text="<p>Text</p>", is_current=True)
    field = FieldOfActionFactory(name="Beruf und Pflege", slug="beruf-und-pflege")
    for number in range(25):
        partner = PartnerFactory(
            name=f"Partner {number} – „Bäckerei“ & Söhne",
            slug=f"partner-{number}",
            kind=Partner.Kind.COMPANY,
            contact_email=f"p{number}@example.org",
            signature=None,
        )
        partner.fields_of_action.add(field)
        SignatureFactory(
            partner=partner, declaration=declaration, confirmed_at=timezone.now()
        )
    with_logo = Partner.objects.get(slug="partner-3")
    with_logo.logo.save("logo.png", ContentFile(b"\x89PNG fake logo bytes"))
    project = ProjectFactory(title="Pflege-Lotsen", slug="pflege-lotsen", field_of_action=field)
    project.partners.add(with_logo)
    user = django_user_model.objects.create_superuser(
        "koordination", "k@example.org", "ein-langes-passwort-1"
    )
    user.groups.add(Group.objects.get_or_create(name="Koordination")[0])
    TOTPDeviceFactory(user=user, name="App", confirmed=True)
    Alliance.current()
    return with_logo.logo.name


@pytest.fixture(params=["python", "without-data-filter"])
def extraction(request, monkeypatch):
    """Archives are unpacked as this Python does, and as Python before 3.11.4 does (Debian
    12 ships 3.11.2): without tarfile's "data" filter, the portal's own check stands alone."""
    if request.param == "without-data-filter":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    return request.param


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database(tmp_path, settings, django_user_model, extraction):
    logo_name = make_alliance_data(django_user_model)
    expected = {
        partner.slug: (partner.name, partner.contact_email, partner.is_member)
        for partner in Partner.objects.all()
    }
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "data.json", f"media/{logo_name}"} <= set(names)

    # An empty database and an empty media folder, as on a new server. flush leaves out
    # the data that migrations create (the role groups and their permissions); add it.
    call_command("flush", interactive=False, verbosity=0)
    cockpit_roles.sync_groups(apps)
    settings.MEDIA_ROOT = tmp_path / "neu"
    assert not Partner.objects.exists()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "25 Partner" in out.getvalue()
    restored = {
        partner.slug: (partner.name, partner.contact_email, partner.is_member)
        for partner in Partner.objects.all()
    }
    assert restored == expected
    partner = Partner.objects.get(slug="partner-3")
    assert partner.logo.read() == b"\x89PNG fake logo bytes"
    assert list(partner.projects.values_list("slug", flat=True)) == ["pflege-lotsen"]
    assert Partner.objects.get(slug="partner-1").fields_of_action.get().slug == "beruf-und-pflege"
    user = django_user_model.objects.get(username="koordination")
    assert user.check_password("ein-langes-passwort-1")
    assert user.groups.filter(name="Koordination").exists()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    # New rows get fresh ids after the restore (sequences reset).
    Partner.objects.create(name="Neu", slug="neu", kind=Partner.Kind.OTHER)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_data(tmp_path, django_user_model):
    make_alliance_data(django_user_model)
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="enthält schon Daten"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Partner.objects.count() == 25


MANIFEST = ("manifest.json", tarfile.REGTYPE, "")
# (name, type, link) of the entries of an archive that must not be unpacked
OUTSIDE = {
    "a path up and out": [("../../manifest.json", tarfile.REGTYPE, "")],
    "an absolute path": [MANIFEST, ("{outside}/absolut.json", tarfile.REGTYPE, "")],
    "a link to an absolute path": [MANIFEST, ("media/etc", tarfile.SYMTYPE, "/etc")],
    "a link up and out": [MANIFEST, ("media/oben", tarfile.SYMTYPE, "../../..")],
    "a hard link out": [MANIFEST, ("media/hart", tarfile.LNKTYPE, "../../passwd")],
    "a device": [MANIFEST, ("media/pipe", tarfile.FIFOTYPE, "")],
    # A link unpacked first is followed by the entries after it (found by a review).
    "a path through a link to its own folder": [
        MANIFEST, ("l", tarfile.SYMTYPE, "."), ("l/../durch-link.json", tarfile.REGTYPE, ""),
    ],
    "a chain of links up and out": [
        MANIFEST, ("d/hoch", tarfile.SYMTYPE, ".."), ("d/hoch/raus", tarfile.SYMTYPE, ".."),
        ("d/hoch/raus/kette.json", tarfile.REGTYPE, ""),
    ],
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("entries", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_restore_refuses_archive_with_paths_outside(tmp_path, entries, extraction, monkeypatch):
    # The restore unpacks into a folder of its own below tmp_path/arbeit: an entry that
    # got out would show up in tmp_path.
    (tmp_path / "arbeit").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "arbeit"))
    archive = tmp_path / "boese.tar.gz"
    data = b'{"format": 1}'
    with tarfile.open(archive, "w:gz") as tar:
        for name, kind, link in entries:
            info = tarfile.TarInfo(name.format(outside=tmp_path))
            info.type, info.linkname = kind, link
            info.size = len(data) if kind == tarfile.REGTYPE else 0
            tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
    with pytest.raises(tarfile.TarError):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert sorted(path.name for path in tmp_path.iterdir()) == ["arbeit", "boese.tar.gz"]
    assert list((tmp_path / "arbeit").iterdir()) == []


def test_missing_archive_is_reported(db):
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("restore", "/gibt/es/nicht.tar.gz")


@pytest.mark.django_db(transaction=True)
def test_a_symbolic_link_among_the_uploaded_files_stays_out_of_the_backup(
    tmp_path, settings, django_user_model
):
    logo_name = make_alliance_data(django_user_model)
    logo = Path(settings.MEDIA_ROOT) / logo_name
    (logo.parent / "verweis").symlink_to("/etc/passwd")
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup", output=str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        assert f"media/{logo_name}" in tar.getnames()
        assert not [member.name for member in tar.getmembers() if member.issym()]
