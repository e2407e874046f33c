"""The migrated template the SQLite test processes copy (tests/support/template_db.py)."""

from tests.support import template_db


def test_the_fingerprint_changes_with_any_migration(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    migrations = tmp_path / "partners" / "migrations"
    migrations.mkdir(parents=True)
    first = migrations / "0001_initial.py"
    first.write_text("operations = []\n")
    before = template_db.fingerprint()
    assert template_db.fingerprint() == before

    first.write_text("operations = ['changed']\n")
    changed = template_db.fingerprint()
    (migrations / "0002_more.py").write_text("operations = []\n")

    assert len({before, changed, template_db.fingerprint()}) == 3


def test_a_process_gets_its_own_copy_of_the_template(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(template_db, "fingerprint", lambda: "f1")
    built = []

    def migrate_into(path):
        built.append(path)
        path.write_bytes(b"migrated")

    monkeypatch.setattr(template_db, "_migrate_into", migrate_into)
    template_db.copy_migrated_database(tmp_path / "test.sqlite3_gw0")
    template_db.copy_migrated_database(tmp_path / "test.sqlite3_gw1")

    assert built == [tmp_path / ".test-template-f1.sqlite3"]  # built once, copied twice
    assert (tmp_path / "test.sqlite3_gw0").read_bytes() == b"migrated"
    assert (tmp_path / "test.sqlite3_gw1").read_bytes() == b"migrated"
