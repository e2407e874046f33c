"""The SQLite test database, migrated once and copied for each test process.

Running every migration takes about 40 seconds on a 2-core machine (Django renders the
models' state again for each data migration), in each pytest-xdist process. Instead,
`manage.py migrate` runs once into a template file whose name carries a fingerprint of
every migration and of the installed packages; each process copies it and Django then
finds nothing left to migrate (`keepdb`). A changed migration, a new one or another
package version gives a new fingerprint and so a new template. PostgreSQL (`.ci/run`)
builds its test databases through the migrations as before.
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from django.conf import settings

STALE_AFTER = 7 * 24 * 3600  # templates of old fingerprints are removed after a week


def fingerprint():
    digest = hashlib.sha256()
    for path in sorted(Path(settings.BASE_DIR).glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    for name, version in sorted(
        (dist.metadata["Name"] or "", dist.version) for dist in metadata.distributions()
    ):
        digest.update(f"{name}=={version}\n".encode())
    digest.update(sqlite3.sqlite_version.encode())
    return digest.hexdigest()[:16]


def _migrate_into(path):
    """`manage.py migrate` into a fresh file, then out of WAL mode, so one file is all."""
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{partial}"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR, env=environment, check=True,
    )
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    partial.rename(path)


def _remove_stale(folder, keep):
    for old in folder.glob(".test-template-*.sqlite3"):
        if old != keep and time.time() - old.stat().st_mtime > STALE_AFTER:
            old.unlink(missing_ok=True)


def copy_migrated_database(test_name):
    """Put a migrated database at `test_name`, building the template first if needed
    (under a lock: the other processes wait for the first one's)."""
    test_path = Path(test_name)
    folder = test_path.parent
    template = folder / f".test-template-{fingerprint()}.sqlite3"
    with open(folder / ".test-template.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            _migrate_into(template)
            _remove_stale(folder, keep=template)
    for leftover in (Path(f"{test_path}-wal"), Path(f"{test_path}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(template, test_path)
