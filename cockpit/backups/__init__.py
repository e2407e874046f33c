"""Backups of the whole installation or of one alliance, and their restore.

An archive (tar.gz) holds `manifest.json`, `data.json` (Django fixtures; users,
groups and content types by natural key) and `media/`.

- The whole installation (`backup`): every table, restored with `restore` into an
  empty database (a new server), ids kept.
- One alliance (`backup --alliance SLUG`): the alliance, its domains, every row that
  belongs to it (and its change history), its accounts' users with their roles and
  second factors, its uploaded files. `restore --alliance` brings it into any
  installation beside the alliances already there: every row gets a new id, and
  every reference is rewritten to it, so nothing of another alliance is touched.
- Archives of format 1 (made before alliances were tenants) hold one alliance's
  installation under the model names of that time; they are upgraded on the way in
  and restored as an alliance.

Writing (`writing.py`), reading and restoring a whole installation (`reading.py`), one
alliance's restore beside others (`restore.py`), the rows and files that make an alliance
(`owned.py`) and its uploaded files (`media.py`).
"""

from cockpit.backups.owned import alliance_folders, delete_alliance, dependency_order, owned_models
from cockpit.backups.reading import (
    clear_empty_installation,
    installation_is_empty,
    read_records,
    restore_installation,
    unpack,
    upgrade_format_1,
)
from cockpit.backups.restore import Restore
from cockpit.backups.writing import FORMAT, alliance_objects, dump_alliance, dump_installation, write_archive

__all__ = [
    "FORMAT",
    "Restore",
    "alliance_folders",
    "alliance_objects",
    "clear_empty_installation",
    "delete_alliance",
    "dependency_order",
    "dump_alliance",
    "dump_installation",
    "installation_is_empty",
    "owned_models",
    "read_records",
    "restore_installation",
    "unpack",
    "upgrade_format_1",
    "write_archive",
]
