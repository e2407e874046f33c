"""Comparing names as people write them."""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def name_key(name):
    """A name folded for comparison: case, spaces, punctuation and umlauts do not count.

    "Tischlerei Holzwurm e. V.", "tischlerei holzwurm e.V." and "TISCHLEREI HOLZWURM EV"
    give the same key, and so do "Bäckerei Müller" and "Baeckerei Mueller".
    """
    folded = name.casefold().translate(_UMLAUTS)
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^0-9a-z]+", "", folded)


# The help of every "slug" field: what it is, in the coordinator's words.
SLUG_HELP = _(
    "Das Ende der Adresse dieser Seite, z. B. „stadtwerke“ in …/partner/stadtwerke/: Kleinbuchstaben, "
    "Ziffern und Bindestriche. Wird sie später geändert, führen alte Links ins Leere."
)
