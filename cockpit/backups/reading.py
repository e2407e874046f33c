"""Reading an archive, and restoring a whole installation into an empty database."""

import json
import tarfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from buendnis import hosts
from buendnis.history import no_history
from buendnis.lib.text import name_key
from buendnis.models import Alliance
from buendnis.tenancy import scopes_disabled
from cockpit.backups.media import copy_media
from cockpit.backups.owned import owned_models
from cockpit.backups.writing import FORMAT


def unpack(archive_path, workdir):
    """The manifest and the records of an archive, unpacked into `workdir`."""
    with tarfile.open(archive_path, "r:gz") as archive:
        members = members_inside(archive)
        if hasattr(tarfile, "data_filter"):
            # Python's own check on top of ours.
            archive.extractall(workdir, members=members, filter="data")
        else:
            archive.extractall(workdir, members=members)  # Python before 3.11.4 (Debian 12)
    manifest = json.loads((Path(workdir) / "manifest.json").read_text())
    if manifest.get("format") not in (1, FORMAT):
        raise CommandError(f"Unbekanntes Sicherungsformat: {manifest.get('format')}")
    return manifest


def members_inside(archive):
    """The archive's entries, refused (TarError) unless each is a file, a folder or a hard
    link under a plain relative name, as `backup` writes them. With no symbolic link among
    them a name lands where it reads, inside the folder: no absolute path, no `..`, no link
    out, no device. Python checks this itself from 3.11.4 on (`filter="data"`); Debian 12
    ships 3.11.2."""

    def plain(name):
        path = PurePosixPath(name)
        return bool(path.parts) and not path.is_absolute() and ".." not in path.parts

    members = archive.getmembers()
    for member in members:
        allowed = member.isfile() or member.isdir() or (member.islnk() and plain(member.linkname))
        if not (allowed and plain(member.name)):
            raise tarfile.TarError(f"Unzulässiger Eintrag im Archiv: {member.name}")
        member.mode &= 0o755  # no setuid, nothing others may write
    return members


def installation_is_empty():
    """No alliance has data and no account exists (a new server: `migrate` may have
    created its one empty alliance)."""
    direct, _indirect = owned_models()
    with scopes_disabled():
        if get_user_model().objects.exists() or Alliance.objects.count() > 1:
            return False
        return not any(model._base_manager.exists() for model in direct)


def read_records(workdir, manifest):
    records = json.loads((Path(workdir) / "data.json").read_text())
    return upgrade_format_1(records) if manifest["format"] == 1 else records


def clear_empty_installation():
    """Remove the empty alliance `migrate` made, before an archive brings the real one."""
    with scopes_disabled():
        Alliance.objects.all().delete()
    hosts.forget()


def restore_installation(workdir):
    """A backup of the whole installation into an empty database, ids kept."""
    with transaction.atomic():
        clear_empty_installation()
        # The archive brings the history; loading the many-to-many fields must not
        # write more of it (on PostgreSQL those rows would take the archive's ids).
        with scopes_disabled(), no_history():
            call_command("loaddata", str(Path(workdir) / "data.json"), verbosity=0)
    media = Path(workdir) / "media"
    if media.is_dir():
        copy_media(media, Path(settings.MEDIA_ROOT))
    hosts.forget()


# --- format 1: one alliance's installation, before alliances were tenants ------------

FORMAT_1_MODELS = {
    "arbeitsgruppen.fieldofaction": "buendnis.fieldofaction",
    "buendnis.suggestion": "events.suggestion",
    "buendnis.historicalsuggestion": "events.historicalsuggestion",
    "events.mailing": "cockpit.mailing",
    "events.delivery": "cockpit.delivery",
}


def upgrade_format_1(records):
    """Records of format 1 under today's model names and rules (what the migrations
    since then did to a database, done to the archive)."""
    upgraded = []
    for record in records:
        record = {**record, "model": FORMAT_1_MODELS.get(record["model"], record["model"])}
        fields = record["fields"] = dict(record["fields"])
        if record["model"] in ("partners.partner", "partners.historicalpartner"):
            fields["name_key"] = name_key(fields["name"])
            fields["listed"] = fields.get("listed", False) and fields.get("wants_listing", True)
        if record["model"] == "partners.signature" and fields.get("source") == "paper":
            # Paper signatures were confirmed on the day of entry; the period begins on paper.
            fields["entered_at"], fields["confirmed_at"] = fields["confirmed_at"], fields["signed_at"]
        upgraded.append(record)
    return upgraded
