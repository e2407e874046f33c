"""The uploaded files of an archive: copied into MEDIA_ROOT, into the alliance's folder."""

from pathlib import Path

from django.conf import settings

from buendnis.lib.images import alliance_folder


def copy_media(source, target):
    for path in source.rglob("*"):
        if path.is_file() and not path.is_symlink():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(path.read_bytes())


def file_name(name, alliance):
    """`logos/a.png` (format 1) or `alliances/<old id>/logos/a.png` → the new folder."""
    relative = name.split("/", 2)[2] if name.startswith("alliances/") else name
    return f"{alliance_folder(alliance)}/{relative}"


def copy_alliance_media(media, old_alliance_id, alliance):
    """The archive's files of one alliance into its (new) folder; stored PDFs are made anew."""
    target = Path(settings.MEDIA_ROOT) / alliance_folder(alliance)
    source = media
    old = media / "alliances" / str(old_alliance_id)
    if old.is_dir():
        source = old
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if relative.parts[:1] in (("pdf-cache",), ("alliances",)):
            continue
        if path.is_file() and not path.is_symlink():
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(path.read_bytes())
