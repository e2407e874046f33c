"""The active alliance's PDFs: rendered and cached by `buendnis.lib.pdf`, each alliance's
in its own folder of the PDF cache (`pdf-cache/alliances/<id>/<document>/`)."""

from buendnis.lib.images import alliance_folder
from buendnis.lib.pdf import get_pdf
from buendnis.models import Alliance


def alliance_pdf(key, template_name, context, language=None):
    """`get_pdf` for the document `key` of the active alliance (German unless `language`)."""
    folder = alliance_folder(Alliance.current())
    return get_pdf(f"{folder}/{key}", template_name, context, language)
