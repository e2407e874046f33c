"""`Partner.is_member`, kept by the database.

The public directory shows partners with a confirmed, open signature. Asking that of
every one of 13,000 partners on each request made the directory's count and sort the
slowest query of the portal, so the answer is stored on the partner and indexed.

Triggers keep it right whatever writes the signatures (services, admin inlines,
`bulk_create`, `QuerySet.update()`, `loaddata`, a restore), and a partner saved from a
stale Python object cannot overwrite it: the partner triggers recompute the value.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef


def is_member_sql(partner_id):
    return (
        "EXISTS (SELECT 1 FROM partners_signature s "
        f"WHERE s.partner_id = {partner_id} "
        "AND s.confirmed_at IS NOT NULL AND s.withdrawn_at IS NULL)"
    )


def set_member_sql(partner_id):
    return f"UPDATE partners_partner SET is_member = {is_member_sql(partner_id)} WHERE id = {partner_id}"


SQLITE_CREATE = [
    f"""CREATE TRIGGER partners_signature_member_insert AFTER INSERT ON partners_signature
    BEGIN {set_member_sql("NEW.partner_id")}; END""",
    f"""CREATE TRIGGER partners_signature_member_update
    AFTER UPDATE OF partner_id, confirmed_at, withdrawn_at ON partners_signature
    BEGIN {set_member_sql("OLD.partner_id")}; {set_member_sql("NEW.partner_id")}; END""",
    f"""CREATE TRIGGER partners_signature_member_delete AFTER DELETE ON partners_signature
    BEGIN {set_member_sql("OLD.partner_id")}; END""",
    # SQLite cannot change NEW in a BEFORE trigger: correct the row right after.
    f"""CREATE TRIGGER partners_partner_member_insert AFTER INSERT ON partners_partner
    WHEN NEW.is_member IS NOT {is_member_sql("NEW.id")}
    BEGIN {set_member_sql("NEW.id")}; END""",
    f"""CREATE TRIGGER partners_partner_member_update AFTER UPDATE OF is_member ON partners_partner
    WHEN NEW.is_member IS NOT {is_member_sql("NEW.id")}
    BEGIN {set_member_sql("NEW.id")}; END""",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS partners_signature_member_insert",
    "DROP TRIGGER IF EXISTS partners_signature_member_update",
    "DROP TRIGGER IF EXISTS partners_signature_member_delete",
    "DROP TRIGGER IF EXISTS partners_partner_member_insert",
    "DROP TRIGGER IF EXISTS partners_partner_member_update",
]

POSTGRESQL_CREATE = [
    f"""CREATE FUNCTION partners_signature_member() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {set_member_sql("OLD.partner_id")}; END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN {set_member_sql("NEW.partner_id")}; END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER partners_signature_member
    AFTER INSERT OR DELETE OR UPDATE OF partner_id, confirmed_at, withdrawn_at
    ON partners_signature FOR EACH ROW EXECUTE FUNCTION partners_signature_member()""",
    f"""CREATE FUNCTION partners_partner_member() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.is_member := {is_member_sql("NEW.id")};
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER partners_partner_member BEFORE INSERT OR UPDATE OF is_member
    ON partners_partner FOR EACH ROW EXECUTE FUNCTION partners_partner_member()""",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS partners_signature_member ON partners_signature",
    "DROP FUNCTION IF EXISTS partners_signature_member()",
    "DROP TRIGGER IF EXISTS partners_partner_member ON partners_partner",
    "DROP FUNCTION IF EXISTS partners_partner_member()",
]

TRIGGERS = {
    "sqlite": (SQLITE_CREATE, SQLITE_DROP),
    "postgresql": (POSTGRESQL_CREATE, POSTGRESQL_DROP),
}


def _statements(schema_editor, which):
    vendor = schema_editor.connection.vendor
    if vendor not in TRIGGERS:
        raise NotImplementedError(
            f"Das Portal läuft auf SQLite oder PostgreSQL, nicht auf {vendor}."
        )
    return TRIGGERS[vendor][which]


def create_triggers(apps, schema_editor):
    for statement in _statements(schema_editor, 0):
        schema_editor.execute(statement)
    Partner = apps.get_model("partners", "Partner")
    Signature = apps.get_model("partners", "Signature")
    open_and_confirmed = Signature.objects.filter(
        partner=OuterRef("pk"), confirmed_at__isnull=False, withdrawn_at__isnull=True
    )
    Partner.objects.update(is_member=Exists(open_and_confirmed))


def drop_triggers(apps, schema_editor):
    for statement in _statements(schema_editor, 1):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
