"""One alliance moves between installations (`backup --alliance`, `restore --alliance`),
and archives made before alliances were tenants come in as an alliance."""

import datetime
import io
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import models
from django_otp.plugins.otp_totp.models import TOTPDevice

from arbeitsgruppen.models import Project
from buendnis import backup_codes
from buendnis.models import Account, Alliance, Domain
from buendnis.tenancy import activate, scopes_disabled
from cockpit import alliances
from cockpit.backups import owned_models
from demo import alliances as demo_alliances
from events.models import AgendaItem, Event, Minutes, Suggestion
from partners.models import Partner, Signature
from tests.factories import TOTPDeviceFactory, UserFactory
from tests.support.pdfs import pdf_text, squeeze

FORMAT_1 = Path(__file__).with_name("data") / "backup-format-1.tar.gz"


def _plain(value):
    # Django's JSON (dumpdata, backups) keeps times to the millisecond.
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="milliseconds")
    return str(value)


def fields_of(model):
    """The columns that are no ids, references or file names (those change on a move)."""
    return [
        field.attname for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and not isinstance(field, models.FileField)
    ]


def snapshot(alliance):
    """Every row of the alliance, without ids: (table, its values that are no ids)."""
    direct, _indirect = owned_models()
    rows = {}
    with scopes_disabled():
        for model in direct:
            if hasattr(model, "instance_type") or not fields_of(model):
                rows[model._meta.label] = model._base_manager.filter(alliance=alliance).count()
                continue
            rows[model._meta.label] = sorted(
                tuple(_plain(value) for value in row)
                for row in model._base_manager.filter(alliance=alliance).values_list(*fields_of(model))
            )
    return rows


@pytest.fixture
def demo_and_nordheim(demo_data, role_groups, _alliance_scope):
    """The demo alliance (with its coordinator and second factor) and Nordheim: the
    same organisations under the same slugs."""
    musterhausen = _alliance_scope
    demo_alliances.demo_domains(musterhausen)
    coordinator = UserFactory(username="koordination-musterhausen", roles=["Koordination"])
    TOTPDeviceFactory(user=coordinator, name="Telefon", confirmed=True)
    backup_codes.new_backup_codes(coordinator)
    call_command("load_demo", "--no-admin", "--alliances", "2", stdout=open(os.devnull, "w"))
    return Alliance.objects.get(pk=musterhausen.pk), Alliance.objects.get(slug="nordheim")


def test_an_alliance_moves_with_everything_and_touches_no_other(tmp_path, demo_and_nordheim, client):
    musterhausen, nordheim = demo_and_nordheim
    before, other = snapshot(musterhausen), snapshot(nordheim)
    with activate(musterhausen):
        logo = Partner.objects.exclude(logo="").first()
        logo_bytes = logo.logo.read()
        project_partners = {
            project.slug: sorted(project.partners.values_list("slug", flat=True))
            for project in Project.objects.all()
        }
    archive = tmp_path / "musterhausen.tar.gz"
    call_command("backup", alliance="musterhausen", output=str(archive), stdout=io.StringIO())

    # The other installation: the alliance is gone there, Nordheim stays.
    alliances.delete_alliance(musterhausen)
    out = io.StringIO()
    call_command("restore", str(archive), alliance=True, stdout=out)
    assert "Bündnis „Lokales Bündnis für Familie Musterhausen“ (musterhausen): 25 Partner" in out.getvalue()

    moved = Alliance.objects.get(slug="musterhausen")
    assert moved.pk != musterhausen.pk
    assert snapshot(moved) == before
    assert snapshot(nordheim) == other
    assert set(moved.domains.values_list("name", flat=True)) == {"127.0.0.1", "localhost"}
    with activate(moved):
        assert project_partners == {
            project.slug: sorted(project.partners.values_list("slug", flat=True))
            for project in Project.objects.all()
        }
        moved_logo = Partner.objects.get(slug=logo.slug).logo
        assert moved_logo.name.startswith(f"alliances/{moved.pk}/logos/")
        assert moved_logo.read() == logo_bytes
        founding = Minutes.objects.get(event__slug__startswith="gruendungsveranstaltung")
        assert founding.partners_present.exists()
        user = get_user_model().objects.get(username="koordination-musterhausen")
        assert Account.objects.filter(user=user).exists()
        assert user.check_password("ein-langes-passwort-123")
        assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        assert backup_codes.remaining_backup_codes(user) == 10
    # Served on its domains again, with its logo.
    page = client.get(f"/partner/{logo.slug}/", HTTP_HOST="127.0.0.1")
    assert page.status_code == 200
    assert client.get(f"/media/{moved_logo.name}", HTTP_HOST="127.0.0.1").status_code == 200


def test_a_restore_beside_others_refuses_what_is_taken(tmp_path, demo_and_nordheim):
    musterhausen, nordheim = demo_and_nordheim
    archive = tmp_path / "musterhausen.tar.gz"
    call_command("backup", alliance="musterhausen", output=str(archive), stdout=io.StringIO())
    other = snapshot(nordheim)
    with pytest.raises(CommandError, match="Kennung „musterhausen“"):
        call_command("restore", str(archive), alliance=True, stdout=io.StringIO())
    taken = "Domains gehören schon einem anderen Bündnis: 127.0.0.1, localhost"
    with pytest.raises(CommandError, match=taken):
        call_command("restore", str(archive), alliance=True, slug="kopie", stdout=io.StringIO())
    assert not Alliance.objects.filter(slug="kopie").exists()
    assert snapshot(nordheim) == other


def test_replace_restores_an_alliance_in_place(tmp_path, demo_and_nordheim):
    musterhausen, nordheim = demo_and_nordheim
    before = snapshot(musterhausen)
    archive = tmp_path / "musterhausen.tar.gz"
    call_command("backup", alliance="musterhausen", output=str(archive), stdout=io.StringIO())
    with activate(musterhausen):
        Partner.objects.filter(slug="stadt-musterhausen").update(description="Später geändert")
    call_command("restore", str(archive), alliance=True, replace=True, stdout=io.StringIO())
    restored = Alliance.objects.get(slug="musterhausen")
    assert snapshot(restored) == before
    assert Alliance.objects.filter(slug="nordheim").exists()


# --- format 1 ---------------------------------------------------------------------------


def check_format_1_alliance(alliance):
    """What the archive made with main before alliances (59a9bca) holds."""
    with activate(alliance):
        assert Partner.objects.count() == 25
        assert Signature.objects.count() == 25
        assert Event.objects.count() == 10
        assert Minutes.objects.count() == 3
        assert AgendaItem.objects.count() == 10
        assert Suggestion.objects.count() == 9
        assert apps.get_model("cockpit", "Mailing").objects.count() == 1
        assert apps.get_model("cockpit", "Delivery").objects.count() == 23
        assert Signature.objects.filter(withdrawn_at__isnull=False).count() == 2
        paper = Signature.objects.filter(source="paper")
        assert paper.count() == 14
        assert all(signature.confirmed_at == signature.signed_at for signature in paper)
        assert all(signature.entered_at is not None for signature in paper)
        assert all(partner.name_key for partner in Partner.objects.all())
        assert not Partner.objects.filter(listed=True, wants_listing=False).exists()
        with_logo = Partner.objects.exclude(logo="").first()
        assert with_logo.logo.name.startswith(f"alliances/{alliance.pk}/logos/")
        assert with_logo.logo.read()[:4] == b"\x89PNG"
        steering = get_user_model().objects.get(username="steuerung")
        assert steering.groups.filter(name="Steuerungsgruppe").exists()
        assert Account.objects.filter(user=steering).exists()
        assert Partner.history.count() > 25


@pytest.mark.django_db(transaction=True)
def test_a_format_1_archive_becomes_the_alliance_of_a_new_installation(client, role_groups):
    out = io.StringIO()
    call_command("restore", str(FORMAT_1), stdout=out)
    assert "25 Partner" in out.getvalue()
    [alliance] = Alliance.objects.all()
    assert alliance.name == "Lokales Bündnis für Familie Musterhausen"
    check_format_1_alliance(alliance)
    # Served as before, on every host, with its history.
    page = client.get("/partner/stadt-musterhausen/").content.decode()
    assert "Partner seit November 2017" in page
    founding = pdf_text(client.get("/gruendungsurkunde.pdf").content)
    assert squeeze("Maschinenbau Berger GmbH") in squeeze(founding)


def test_a_format_1_archive_joins_an_installation_of_many(demo_and_nordheim):
    _musterhausen, nordheim = demo_and_nordheim
    other = snapshot(nordheim)
    call_command("restore", str(FORMAT_1), alliance=True, slug="altbestand", stdout=io.StringIO())
    check_format_1_alliance(Alliance.objects.get(slug="altbestand"))
    assert snapshot(nordheim) == other
    assert not Domain.objects.filter(alliance__slug="altbestand").exists()
